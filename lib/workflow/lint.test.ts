import { describe, expect, it } from "vitest";
import { hasLintErrors, introducedErrors, lintWorkflow } from "./lint";
import {
  AWAITING_PAYMENT,
  CANCELLED,
  COMPLETED,
  NEW,
  OLD_PACKING,
  PICKING,
  SHIPPED,
  makeStatus,
  retailWith,
  retailWorkflow,
} from "./test-fixtures";
import type { LintIssue, WorkflowDefinition } from "./types";

const codes = (issues: LintIssue[]) => issues.map((i) => i.code);
const withStatus = (def: WorkflowDefinition, id: number, patch: object): WorkflowDefinition => ({
  ...def,
  statuses: def.statuses.map((s) => (s.id === id ? { ...s, ...patch } : s)),
});

describe("lintWorkflow", () => {
  it("finds nothing wrong with the retail process", () => {
    // The archived Packing (old) is outside the process, so it is not a problem either.
    expect(lintWorkflow(retailWorkflow())).toEqual([]);
  });

  describe("initial status", () => {
    it("reports a missing initial status as an error, without a flood of unreachable warnings", () => {
      const issues = lintWorkflow({ ...retailWorkflow(), initialStatusId: 99 });
      expect(issues).toEqual([
        {
          severity: "error",
          code: "initial_missing",
          message: "The initial status #99 does not exist",
          statusIds: [99],
        },
      ]);
    });

    it("reports an archived initial status", () => {
      const def = withStatus(retailWorkflow(), NEW, { archived: true });
      expect(lintWorkflow(def)).toContainEqual({
        severity: "error",
        code: "initial_archived",
        message: "The initial status New is archived: new orders would start in a status nobody can choose",
        statusIds: [NEW],
      });
    });

    it("reports an initial status that already closes the order", () => {
      const def = withStatus(retailWorkflow(), NEW, { groupKind: "completed" });
      const issues = lintWorkflow(def);
      expect(issues).toContainEqual({
        severity: "error",
        code: "initial_terminal",
        message:
          "The initial status New closes the order: new orders would be finished before anything happens",
        statusIds: [NEW],
      });
      expect(hasLintErrors(issues)).toBe(true);
    });
  });

  it("reports a cancelled order being asked to pay as a contradiction naming both statuses", () => {
    const issues = lintWorkflow(retailWith({ from: CANCELLED, to: AWAITING_PAYMENT }));
    expect(issues[0]).toEqual({
      severity: "error",
      code: "contradictory_path",
      message: "Cancelled leads to Awaiting payment: asking for payment on an order that is already closed",
      statusIds: [CANCELLED, AWAITING_PAYMENT],
      // The one obvious remedy, offered as a one-click fix.
      fix: { kind: "remove_transition", from: CANCELLED, to: AWAITING_PAYMENT },
    });
    // Leaving Cancelled at all is also worth a look, but only as a warning.
    expect(codes(issues)).toEqual(["contradictory_path", "terminal_exit"]);
  });

  it("does not call an open status leading to awaiting payment a contradiction", () => {
    expect(codes(lintWorkflow(retailWith({ from: SHIPPED, to: AWAITING_PAYMENT })))).toEqual([]);
  });

  it("warns about a status in the process that orders can never reach", () => {
    const def = retailWith({ from: OLD_PACKING, to: SHIPPED });
    expect(lintWorkflow(def)).toEqual([
      {
        severity: "warning",
        code: "unreachable",
        message: "Packing (old) cannot be reached from the initial status New",
        statusIds: [OLD_PACKING],
      },
    ]);
  });

  it("warns about an open status with no way out", () => {
    const def = { ...retailWorkflow(), transitions: retailWorkflow().transitions.filter((t) => t.from !== SHIPPED) };
    expect(lintWorkflow(def)).toEqual([
      {
        severity: "warning",
        code: "dead_end",
        message: "Shipped has no way out: orders there would get stuck",
        statusIds: [SHIPPED],
      },
      // Completed is in no transition any more, so it left the process and is not reported.
    ]);
  });

  it("counts a way out that only leads to an archived status as no way out", () => {
    const def = retailWorkflow();
    def.transitions = def.transitions.filter((t) => t.from !== SHIPPED);
    def.transitions.push({ from: SHIPPED, to: OLD_PACKING });
    // Packing (old) is reported too: it is open, in the process, and has no way out.
    expect(lintWorkflow(def).map((i) => [i.code, ...i.statusIds])).toEqual([
      ["dead_end", SHIPPED],
      ["archived_target", SHIPPED, OLD_PACKING],
      ["dead_end", OLD_PACKING],
    ]);
  });

  it("does not count a self-transition as a way out", () => {
    const def = retailWorkflow();
    def.transitions = def.transitions.filter((t) => t.from !== SHIPPED);
    def.transitions.push({ from: SHIPPED, to: SHIPPED });
    expect(codes(lintWorkflow(def))).toEqual(["dead_end"]);
  });

  it("warns about a closed status that leads on, listing where", () => {
    const def = retailWith({ from: COMPLETED, to: PICKING }, { from: COMPLETED, to: NEW });
    expect(lintWorkflow(def)).toEqual([
      {
        severity: "warning",
        code: "terminal_exit",
        message: "Completed closes the order but leads on to New, Picking; check that reopening is intended",
        statusIds: [COMPLETED, NEW, PICKING],
      },
    ]);
  });

  it("warns about a transition into an archived status", () => {
    const def = retailWith({ from: PICKING, to: OLD_PACKING });
    expect(lintWorkflow(def)).toContainEqual({
      severity: "warning",
      code: "archived_target",
      message: "Picking leads to Packing (old), which is archived and can no longer be chosen",
      statusIds: [PICKING, OLD_PACKING],
      fix: { kind: "remove_transition", from: PICKING, to: OLD_PACKING },
    });
  });

  it("reports transitions to statuses that do not exist", () => {
    const issues = lintWorkflow(retailWith({ from: SHIPPED, to: 77 }));
    expect(issues).toEqual([
      {
        severity: "error",
        code: "unknown_status",
        message: "A transition refers to status #77, which does not exist",
        statusIds: [77],
      },
    ]);
  });

  it("puts errors first, then follows the status order", () => {
    const def = retailWith(
      { from: PICKING, to: OLD_PACKING },
      { from: COMPLETED, to: NEW },
      { from: CANCELLED, to: AWAITING_PAYMENT },
    );
    const issues = lintWorkflow(def);
    expect(issues.map((i) => [i.code, i.statusIds[0]])).toEqual([
      ["contradictory_path", CANCELLED],
      ["archived_target", PICKING],
      ["terminal_exit", COMPLETED],
      ["terminal_exit", CANCELLED],
      ["dead_end", OLD_PACKING],
    ]);
  });

  it("gives the same answer whatever order the matrix is listed in", () => {
    const def = retailWith({ from: PICKING, to: OLD_PACKING }, { from: CANCELLED, to: AWAITING_PAYMENT });
    const reversed = { ...def, transitions: [...def.transitions].reverse() };
    expect(lintWorkflow(reversed)).toEqual(lintWorkflow(def));
  });

  it("handles a single-status process", () => {
    const def: WorkflowDefinition = {
      statuses: [makeStatus({ id: 1, code: "new", name: "New", groupKind: "new" })],
      initialStatusId: 1,
      transitions: [],
    };
    expect(codes(lintWorkflow(def))).toEqual(["dead_end"]);
  });
});

describe("unpaid_gate", () => {
  const strictPicking = () => withStatus(retailWorkflow(), PICKING, { allowCashOnDelivery: false });

  it("reports a strict payment gate reachable without passing a status that asks for payment", () => {
    // New → Picking skips Awaiting payment; without the COD exemption unpaid orders get stuck.
    expect(lintWorkflow(strictPicking()).filter((i) => i.code === "unpaid_gate")).toEqual([]);
    const def = strictPicking();
    def.transitions = def.transitions.filter((t) => !(t.from === AWAITING_PAYMENT && t.to === PICKING));
    expect(lintWorkflow(def)).toContainEqual({
      severity: "error",
      code: "unpaid_gate",
      message:
        "Picking requires payment, but no path to it passes a status that asks for payment (e.g. Awaiting payment): unpaid orders would get stuck",
      statusIds: [PICKING],
    });
  });

  it("is satisfied by one path through a status that asks for payment", () => {
    // New → Picking directly still exists, but New → Awaiting payment → Picking gives a way to pay.
    expect(codes(lintWorkflow(strictPicking()))).not.toContain("unpaid_gate");
  });

  it("lets a cash-on-delivery exemption through", () => {
    const def = retailWorkflow();
    def.transitions = def.transitions.filter((t) => t.from !== AWAITING_PAYMENT);
    def.transitions.push({ from: AWAITING_PAYMENT, to: CANCELLED });
    expect(codes(lintWorkflow(def))).not.toContain("unpaid_gate");
  });

  it("says so when no status in the process asks for payment at all", () => {
    const def = withStatus(strictPicking(), AWAITING_PAYMENT, { awaitsPayment: false });
    const found = lintWorkflow(def).find((i) => i.code === "unpaid_gate");
    expect(found?.message).toBe(
      "Picking requires payment, but no status in this process asks the customer to pay: unpaid orders would get stuck",
    );
  });

  it("does not count an archived status as a way to ask for payment", () => {
    const def = withStatus(strictPicking(), AWAITING_PAYMENT, { archived: true });
    expect(codes(lintWorkflow(def))).toContain("unpaid_gate");
  });
});

describe("introducedErrors", () => {
  it("lists only the errors a change adds, so a broken process can be repaired step by step", () => {
    const before = lintWorkflow(retailWith({ from: CANCELLED, to: AWAITING_PAYMENT }));
    const after = lintWorkflow(retailWith({ from: CANCELLED, to: AWAITING_PAYMENT }, { from: COMPLETED, to: AWAITING_PAYMENT }));
    expect(introducedErrors(before, after).map((i) => i.statusIds)).toEqual([[COMPLETED, AWAITING_PAYMENT]]);
    expect(introducedErrors(after, before)).toEqual([]);
  });
});

describe("hasLintErrors", () => {
  const warning: LintIssue = { severity: "warning", code: "dead_end", message: "", statusIds: [1] };
  const error: LintIssue = { severity: "error", code: "initial_missing", message: "", statusIds: [1] };

  it("is false with no issues or only warnings, so the admin can still save", () => {
    expect(hasLintErrors([])).toBe(false);
    expect(hasLintErrors([warning])).toBe(false);
  });

  it("is true as soon as one error is present", () => {
    expect(hasLintErrors([warning, error])).toBe(true);
  });
});
