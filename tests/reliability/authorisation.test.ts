import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/db/schema";
import { API_ROUTES } from "@/lib/api/registry";
import { call, keyFor } from "@/lib/api/test-support";
import { APP_TABLE, type Access } from "./support/app-table";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

/**
 * The expected answer for every API endpoint, written out by hand rather than read from the
 * registry: a route whose scope is lowered, or a new route nobody listed here, fails.
 */
const API_TABLE: Record<string, ApiKeyScope> = {
  "GET /statuses": "read",
  "GET /order-types": "read",
  "POST /orders": "write",
  "GET /orders": "read",
  "GET /orders/{number}": "read",
  "PATCH /orders/{number}": "write",
  "POST /orders/{number}/transitions": "write",
  "POST /orders/{number}/payments": "write",
  "POST /orders/{number}/parcel-events": "write",
  "GET /orders/{number}/events": "read",
  "GET /events": "read",
  "GET /workflow": "read",
  "PUT /workflow": "admin",
  "POST /transitions": "write",
  "GET /webhook-endpoints": "admin",
  "POST /webhook-endpoints": "admin",
  "GET /webhook-endpoints/{id}": "admin",
  "PATCH /webhook-endpoints/{id}": "admin",
  "DELETE /webhook-endpoints/{id}": "admin",
  "POST /webhook-endpoints/{id}/rotate-secret": "admin",
  "GET /webhook-endpoints/{id}/deliveries": "admin",
  "POST /webhook-endpoints/{id}/deliveries/{deliveryId}/resend": "admin",
};

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [path.relative(ROOT, full)];
  });
}

/** A module that opens with "use server": every export is a server action, whatever the file is called. */
const isServerActionModule = (file: string) => /\.tsx?$/.test(file) && /^["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8"));

const ENTRY_FILES = walk(path.join(ROOT, "app")).filter(
  (f) => /\/(page|layout)\.tsx$|\/route\.ts$|\/actions\.ts$/.test(f) || isServerActionModule(f),
);

/** The code without its comments, so a commented-out guard does not count as one. */
function codeOf(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'])\/\/.*$/gm, "$1");
}

/** The guard each kind of entry point must call itself for its access level. */
function guardProblems(file: string, access: Access): string[] {
  const source = codeOf(file);
  const pageRoles = [...source.matchAll(/requirePageUser\("(\w+)"\)/g)].map((m) => m[1]);
  const problems: string[] = [];
  const fail = (text: string) => problems.push(`${file} (${access}): ${text}`);
  if (access === "public" && !isServerActionModule(file)) {
    if (/requirePageUser|serverAction|authorize\(/.test(source)) fail("public in the table but guarded in code: update the table");
    return problems;
  }
  if (access === "api-key") {
    if (!/handleApiRequest\(/.test(source)) fail("must go through handleApiRequest (API keys and scopes)");
    return problems;
  }
  if (access === "carrier-secret") {
    if (!/handleCarrierRequest\(/.test(source)) fail("must go through handleCarrierRequest (the carrier's secret address)");
    return problems;
  }
  if (file.endsWith(".tsx")) {
    if (pageRoles.length === 0) fail(`calls no requirePageUser("${access}")`);
    for (const role of pageRoles) if (role !== access) fail(`requirePageUser("${role}"), expected "${access}"`);
  } else if (file.endsWith("route.ts")) {
    const checks = new RegExp(`hasAccess\\([^)]*"${access}"\\)|authorize\\(await getCurrentUser\\(\\), "${access}"\\)`);
    if (!checks.test(source)) fail(`does not check the session for "${access}"`);
  } else {
    // Server actions: every exported action is one serverAction wrapper naming the listed role.
    actionProblems(source, access).forEach(fail);
  }
  return problems;
}

/**
 * Every exported action is `export const xAction = serverAction({ role: "<access>", ... })` (or
 * `workflowAction`, which is serverAction with the same options, below; either wrapped by
 * `withFieldTexts(schema, ...)`).
 */
function actionProblems(source: string, access: Access): string[] {
  const problems: string[] = [];
  const exported = [...source.matchAll(/export (?:async function|const) (\w+Action)\b/g)].map((m) => m[1]!);
  if (exported.length === 0) problems.push("exports no action");
  for (const name of exported) {
    // Or wrapped once by withFieldTexts or withDocumentTexts (lib/i18n/action-field-texts.ts), which
    // only reword the field errors the serverAction inside answers: the role check is still its own.
    if (!new RegExp(`export const ${name} = (?:withFieldTexts\\(\\w+, |withDocumentTexts\\()?(?:serverAction|workflowAction)\\(\\{\\s*role: "${access}"`).test(source)) {
      problems.push(`${name} is not serverAction({ role: "${access}", ... })`);
    }
  }
  const roles = [...source.matchAll(/role:\s*"(\w+)"/g)].map((m) => m[1]);
  for (const role of roles) if (role !== access) problems.push(`serverAction role "${role}", expected "${access}"`);
  return problems;
}

describe("authorisation table: app/ pages, layouts, route handlers and server actions", () => {
  it("lists every entry point under app/, and nothing that no longer exists", () => {
    expect(ENTRY_FILES.filter((f) => !(f in APP_TABLE)), "entry points missing from the table").toEqual([]);
    expect(Object.keys(APP_TABLE).filter((f) => !ENTRY_FILES.includes(f)), "table rows for files that are gone").toEqual([]);
  });

  it("every entry point checks the session and role it is listed with, itself", () => {
    expect(Object.entries(APP_TABLE).flatMap(([file, access]) => guardProblems(file, access))).toEqual([]);
  });

  it("workflowAction is serverAction with the caller's options, its role check included", () => {
    const source = readFileSync(path.join(ROOT, "app/admin/workflow-action.ts"), "utf8");
    expect(source).toMatch(/return serverAction<R, S, T>\(\{ \.\.\.options, handler: /);
  });
});

let database: ScratchDatabase;
const keys: Partial<Record<ApiKeyScope, string>> = {};
let orderNumber: string;
beforeAll(async () => {
  database = await openScratchDatabase({ max: 4 });
  const wf = await createLoopingWorkflow(database.db);
  orderNumber = (await placeOrder(database.db, wf, { customer: { name: "Authz", email: "authz@example.com" } })).number;
  for (const scope of ["read", "write", "admin"] as const) keys[scope] = await keyFor(database.db, scope);
});
afterAll(async () => database?.close());

const RANK: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };

describe("authorisation table: /api/v1 against anonymous and each key scope", () => {
  it("has a row for every endpoint the API serves, and none for one it does not", () => {
    expect(Object.keys(API_TABLE).sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  for (const [endpoint, needed] of Object.entries(API_TABLE)) {
    const [method, template] = endpoint.split(" ") as [string, string];
    const pathFor = template.replace("{number}", encodeURIComponent("__ORDER__"));
    for (const caller of ["anonymous", "revoked-looking", "read", "write", "admin"] as const) {
      const expected =
        caller === "anonymous" || caller === "revoked-looking" ? 401 : RANK[caller] >= RANK[needed] ? "allowed" : 403;
      it(`${endpoint} as ${caller}: ${expected}`, async () => {
        const key = caller === "anonymous" ? undefined : caller === "revoked-looking" ? "ork_not_a_real_key" : keys[caller];
        const response = await call(database.db, method, pathFor.replace(encodeURIComponent("__ORDER__"), orderNumber), {
          key,
          ...(method === "GET" || method === "DELETE" ? {} : { body: {} }),
        });
        if (expected === "allowed") {
          // Past authentication and scope: whatever the empty body earns, it is not 401/403 or a 500.
          expect([401, 403]).not.toContain(response.status);
          expect(response.status).toBeLessThan(500);
        } else {
          expect(response.status, JSON.stringify(response.json)).toBe(expected);
        }
      });
    }
  }
});
