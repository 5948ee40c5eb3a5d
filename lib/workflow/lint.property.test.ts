// Property tests for the linter: each rule's findings are recomputed here independently (kinds
// spelled out, reachability by transitive closure) and must match exactly, in both directions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasLintErrors, introducedErrors, lintWorkflow } from "./lint";
import { definitionArb } from "./test-arbitraries";
import type { LintIssue, WorkflowDefinition, WorkflowStatus } from "./types";

const RUNS = { numRuns: 1000 };
const closed = (s: WorkflowStatus) => s.groupKind === "completed" || s.groupKind === "not_completed";

function idsOf(issues: LintIssue[], code: string): number[][] {
  return issues.filter((i) => i.code === code).map((i) => i.statusIds);
}

const key = (ids: number[]) => ids.join(",");
const keySet = (list: number[][]) => new Set(list.map(key));

/** Set of "from,to" pairs reachable, by repeated squaring of the relation until it stops growing. */
function closurePairs(def: WorkflowDefinition): Set<string> {
  const nodes = new Set([def.initialStatusId, ...def.statuses.map((s) => s.id), ...def.transitions.flatMap((t) => [t.from, t.to])]);
  const pairs = new Set([...nodes].map((n) => `${n},${n}`));
  for (const t of def.transitions) pairs.add(`${t.from},${t.to}`);
  for (let grew = true; grew; ) {
    grew = false;
    const list = [...pairs].map((p) => p.split(",").map(Number) as [number, number]);
    for (const [a, b] of list)
      for (const [c, d] of list)
        if (b === c && !pairs.has(`${a},${d}`)) {
          pairs.add(`${a},${d}`);
          grew = true;
        }
  }
  return pairs;
}

function inProcess(def: WorkflowDefinition): WorkflowStatus[] {
  return def.statuses.filter(
    (s) => s.id === def.initialStatusId || def.transitions.some((t) => t.from === s.id || t.to === s.id),
  );
}

function liveExits(def: WorkflowDefinition, s: WorkflowStatus): WorkflowStatus[] {
  return def.statuses.filter(
    (t) => t.id !== s.id && !t.archived && def.transitions.some((e) => e.from === s.id && e.to === t.id),
  );
}

describe("lintWorkflow (property)", () => {
  it("reports unreachable exactly the in-process statuses the closure cannot reach", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const reported = keySet(idsOf(lintWorkflow(def), "unreachable"));
        const initialKnown = def.statuses.some((s) => s.id === def.initialStatusId);
        const pairs = closurePairs(def);
        const expected = initialKnown
          ? inProcess(def).filter((s) => !pairs.has(`${def.initialStatusId},${s.id}`)).map((s) => [s.id])
          : [];
        expect(reported).toEqual(keySet(expected));
      }),
      RUNS,
    );
  });

  it("reports contradictory_path exactly for edges from a closed status into one awaiting payment", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const issues = lintWorkflow(def);
        const expected = def.transitions.flatMap(({ from, to }) => {
          const a = def.statuses.find((s) => s.id === from);
          const b = def.statuses.find((s) => s.id === to);
          return a && b && a !== b && closed(a) && b.awaitsPayment ? [[from, to]] : [];
        });
        expect(keySet(idsOf(issues, "contradictory_path"))).toEqual(keySet(expected));
        expect(idsOf(issues, "contradictory_path").length).toBe(keySet(expected).size);
        for (const i of issues.filter((x) => x.code === "contradictory_path")) expect(i.severity).toBe("error");
      }),
      RUNS,
    );
  });

  it("reports dead_end and terminal_exit exactly by counting live exits", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const issues = lintWorkflow(def);
        const proc = inProcess(def);
        const dead = proc.filter((s) => !closed(s) && liveExits(def, s).length === 0).map((s) => [s.id]);
        const exits = proc
          .filter((s) => closed(s) && liveExits(def, s).length > 0)
          .map((s) => [s.id, ...liveExits(def, s).map((t) => t.id)]);
        expect(idsOf(issues, "dead_end")).toEqual(dead);
        expect(idsOf(issues, "terminal_exit")).toEqual(exits);
      }),
      RUNS,
    );
  });

  it("reports archived_target for every distinct edge into an archived status", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const expected = def.transitions.flatMap(({ from, to }) => {
          const target = def.statuses.find((s) => s.id === to);
          const known = def.statuses.some((s) => s.id === from);
          return known && target?.archived && from !== to ? [[from, to]] : [];
        });
        const reported = idsOf(lintWorkflow(def), "archived_target");
        expect(keySet(reported)).toEqual(keySet(expected));
        expect(reported.length).toBe(keySet(expected).size);
      }),
      RUNS,
    );
  });

  it("reports initial-status errors exactly when they apply", () => {
    fc.assert(
      fc.property(definitionArb(), (def) => {
        const issues = lintWorkflow(def);
        const initial = def.statuses.find((s) => s.id === def.initialStatusId);
        const has = (code: string) => issues.some((i) => i.code === code);
        expect(has("initial_missing")).toBe(!initial);
        expect(has("initial_archived")).toBe(!!initial?.archived);
        expect(has("initial_terminal")).toBe(!!initial && closed(initial));
        // Without dangling references, unknown_status must never appear.
        expect(has("unknown_status")).toBe(false);
      }),
      RUNS,
    );
  });

  it("reports unknown_status once for each dangling id other than the initial one", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const known = new Set(def.statuses.map((s) => s.id));
        const dangling = new Set(
          def.transitions.flatMap((t) => [t.from, t.to]).filter((id) => !known.has(id) && id !== def.initialStatusId),
        );
        const reported = idsOf(lintWorkflow(def), "unknown_status");
        expect(reported.map((ids) => ids[0]).sort()).toEqual([...dangling].sort());
      }),
      RUNS,
    );
  });

  it("reports unpaid_gate exactly for strict gates no live path through a payment request reaches", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const initial = def.statuses.find((s) => s.id === def.initialStatusId);
        const known = new Set(def.statuses.map((s) => s.id));
        const archived = new Set(def.statuses.filter((s) => s.archived).map((s) => s.id));
        // Live matrix: known endpoints, no self-loops, never into an archived status.
        const live = {
          ...def,
          transitions: def.transitions.filter((t) => known.has(t.from) && known.has(t.to) && t.from !== t.to && !archived.has(t.to)),
        };
        const pairs = closurePairs(live);
        const reach = (a: number, b: number) => pairs.has(`${a},${b}`);
        const expected = initial
          ? def.statuses
              .filter((s) => s.requiresPayment && !s.allowCashOnDelivery && !s.archived && s.id !== initial.id)
              .filter((s) => reach(initial.id, s.id))
              .filter(
                (s) =>
                  !def.statuses.some(
                    (p) => p.awaitsPayment && !p.archived && p.id !== s.id && reach(initial.id, p.id) && reach(p.id, s.id),
                  ),
              )
              .map((s) => [s.id])
          : [];
        const issues = lintWorkflow(def);
        expect(keySet(idsOf(issues, "unpaid_gate"))).toEqual(keySet(expected));
        for (const i of issues.filter((x) => x.code === "unpaid_gate")) expect(i.severity).toBe("error");
      }),
      RUNS,
    );
  });

  it("offers a remove_transition fix naming exactly the issue's own edge", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        for (const i of lintWorkflow(def)) {
          if (!i.fix) continue;
          expect(["contradictory_path", "archived_target"]).toContain(i.code);
          expect([i.fix.from, i.fix.to]).toEqual(i.statusIds);
          expect(def.transitions.some((t) => t.from === i.fix?.from && t.to === i.fix?.to)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("applying every offered fix leaves none of the fixed issues behind", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const fixes = lintWorkflow(def).flatMap((i) => (i.fix ? [i.fix] : []));
        const fixed = {
          ...def,
          transitions: def.transitions.filter((t) => !fixes.some((f) => f.from === t.from && f.to === t.to)),
        };
        expect(lintWorkflow(fixed).filter((i) => i.fix)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("introducedErrors is empty against itself and never lists a warning", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), definitionArb({ dangling: true }), (a, b) => {
        expect(introducedErrors(lintWorkflow(a), lintWorkflow(a))).toEqual([]);
        expect(introducedErrors(lintWorkflow(a), lintWorkflow(b)).every((i) => i.severity === "error")).toBe(true);
      }),
      RUNS,
    );
  });

  it("puts every error before every warning and agrees with hasLintErrors", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), (def) => {
        const issues = lintWorkflow(def);
        const firstWarning = issues.findIndex((i) => i.severity === "warning");
        if (firstWarning >= 0) expect(issues.slice(firstWarning).every((i) => i.severity === "warning")).toBe(true);
        expect(hasLintErrors(issues)).toBe(issues.some((i) => i.severity === "error"));
      }),
      RUNS,
    );
  });

  it("does not depend on how the matrix is ordered or repeated", () => {
    fc.assert(
      fc.property(
        definitionArb({ dangling: true }).chain((def) =>
          fc.tuple(fc.constant(def), fc.shuffledSubarray(def.transitions, { minLength: def.transitions.length })),
        ),
        ([def, shuffled]) => {
          const noisy = { ...def, transitions: [...shuffled, ...shuffled.slice(0, 3)] };
          expect(lintWorkflow(noisy)).toEqual(lintWorkflow(def));
        },
      ),
      RUNS,
    );
  });
});
