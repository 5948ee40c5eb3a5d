import { describe, expect, it } from "vitest";
import { ContractChecker } from "./contract";
import { PROBLEM_MEMBER_SCHEMAS, PROBLEM_MEMBERS, PROBLEM_STATUS, problemFromRefusal, problemOf, type ApiErrorCode, type ProblemMember } from "./problem";

/** A valid value for every documented member, with internal fields mixed in that must never get out. */
const EVERYTHING: Record<Exclude<ProblemMember, "errors"> | "ok" | "id" | "items" | "max" | "role", unknown> & { errors: Record<string, string[]> } = {
  errors: { "customer.email": ["Enter a valid email address"] },
  allowed: [{ id: 7, code: "paid", name: "Paid" }],
  reason: "payment_required",
  orderStatus: { id: 5, code: "shipped", name: "Shipped" },
  expectedVersion: 3,
  currentVersion: 4,
  requiredScope: "admin",
  limit: 1_048_576,
  maxDepth: 32,
  windowSeconds: 60,
  retryAfter: 17,
  stranded: [{ orderType: { id: 1, code: "retail", name: "Retail" }, status: { id: 2, code: "packed", name: "Packed" }, orders: 3 }],
  total: 3,
  lint: [{ severity: "error", code: "dead_end", message: "No way out", orderType: { id: 1, code: "retail", name: "Retail" }, statuses: ["packed"] }],
  ok: false,
  id: 99,
  items: 1200,
  max: 1000,
  role: { id: 1, key: "packer", name: "Packer" },
};

const checker = new ContractChecker();

describe("problems carry only their code's documented members", () => {
  for (const code of Object.keys(PROBLEM_STATUS) as ApiErrorCode[]) {
    it(`${code}: exactly ${PROBLEM_MEMBERS[code].join(", ") || "no extension members"}, valid against the published Problem schema`, async () => {
      const problem = problemOf(code, "What went wrong", { ...EVERYTHING });
      const extensions = Object.keys(problem).filter((key) => !["type", "title", "status", "detail", "code"].includes(key));
      expect(extensions.sort()).toEqual([...PROBLEM_MEMBERS[code]].sort());
      expect(problem.status).toBe(PROBLEM_STATUS[code].status);
      expect(JSON.stringify(problem)).not.toMatch(/"(ok|id|role|items|max)"/);
      expect(await checker.componentMismatches("Problem", problem)).toEqual([]);
    });
  }

  it("every member is carried by some code", () => {
    const used = new Set(Object.values(PROBLEM_MEMBERS).flat());
    expect([...used].sort()).toEqual(Object.keys(PROBLEM_MEMBER_SCHEMAS).sort());
  });

  it("a service refusal's internal details never reach the client", () => {
    const problem = problemFromRefusal({
      code: "transition_not_allowed",
      message: "Cannot change",
      details: { allowed: [{ id: 7, code: "paid", name: "Paid" }] },
    });
    expect(problem).toEqual({
      type: "/api/docs#error-transition_not_allowed",
      title: "Transition not allowed",
      status: 409,
      detail: "Cannot change",
      code: "transition_not_allowed",
      allowed: [{ code: "paid", name: "Paid" }],
    });
    const tooMany = problemFromRefusal({ code: "validation_failed", message: "Too many", details: { reason: "too_many_items", items: 1200, max: 1000 } });
    expect(tooMany).toMatchObject({ reason: "too_many_items" });
    expect(tooMany).not.toHaveProperty("items");
  });
});
