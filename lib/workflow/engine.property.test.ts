// Property tests for the engine. Each expectation is recomputed here from the raw definition, by
// a route deliberately different from the implementation, so the two must agree to pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeTargets, evaluateTransition } from "./evaluate";
import { allowedTargets, reachableFrom } from "./graph";
import { definitionArb, scenarioArb } from "./test-arbitraries";
import type { WorkflowDefinition } from "./types";

const RUNS = { numRuns: 500 };

function inMatrix(def: WorkflowDefinition, from: number, to: number): boolean {
  return def.transitions.some((t) => t.from === from && t.to === to);
}

/** Transitive closure by Floyd–Warshall over every id the definition mentions. */
function closure(def: WorkflowDefinition): (from: number, to: number) => boolean {
  const nodes = [
    ...new Set([def.initialStatusId, ...def.statuses.map((s) => s.id), ...def.transitions.flatMap((t) => [t.from, t.to])]),
  ];
  const index = new Map(nodes.map((id, i) => [id, i] as const));
  const r = nodes.map((_, i) => nodes.map((__, j) => i === j));
  for (const t of def.transitions) r[index.get(t.from)!]![index.get(t.to)!] = true;
  for (let k = 0; k < nodes.length; k++)
    for (let i = 0; i < nodes.length; i++)
      for (let j = 0; j < nodes.length; j++) if (r[i]![k] && r[k]![j]) r[i]![j] = true;
  return (from, to) => {
    const i = index.get(from);
    const j = index.get(to);
    if (i === undefined || j === undefined) return from === to;
    return r[i]![j]!;
  };
}

describe("allowedTargets (property)", () => {
  it("is exactly the non-archived matrix targets other than the start, in status order, once each", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), fc.nat(), (def, pick) => {
        const from = def.statuses[pick % def.statuses.length]!.id;
        const got = allowedTargets(def, from).map((s) => s.id);
        const expected = def.statuses
          .filter((s) => !s.archived && s.id !== from && inMatrix(def, from, s.id))
          .map((s) => s.id);
        expect(got).toEqual(expected);
        for (const id of got) {
          expect(inMatrix(def, from, id)).toBe(true);
          expect(def.statuses.find((s) => s.id === id)!.archived).toBe(false);
        }
        expect(new Set(got).size).toBe(got.length);
      }),
      RUNS,
    );
  });
});

describe("reachableFrom (property)", () => {
  it("agrees with the Floyd–Warshall closure", () => {
    fc.assert(
      fc.property(definitionArb({ dangling: true }), fc.nat(), (def, pick) => {
        const start = def.statuses[pick % def.statuses.length]!.id;
        const reach = closure(def);
        const got = reachableFrom(def, start);
        const mentioned = new Set([...def.statuses.map((s) => s.id), ...def.transitions.flatMap((t) => [t.from, t.to])]);
        for (const id of mentioned) expect(got.has(id)).toBe(reach(start, id));
        for (const id of got) expect(mentioned.has(id) || id === start).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("evaluateTransition (property)", () => {
  it("is ok exactly when the pair is in the matrix, the target is live and the guard passes", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ def, order, to }) => {
        const target = def.statuses.find((s) => s.id === to);
        const verdict = evaluateTransition(def, order, to);
        if (!target) {
          expect(verdict).toMatchObject({ ok: false, code: "not_found" });
          return;
        }
        const pairAllowed = to !== order.statusId && inMatrix(def, order.statusId, to);
        const paymentOk =
          !target.requiresPayment || order.paid || (target.allowCashOnDelivery && order.paymentMethod === "cod");
        expect(verdict.ok).toBe(pairAllowed && !target.archived && paymentOk);

        if (!pairAllowed) {
          expect(verdict).toMatchObject({ ok: false, code: "transition_not_allowed" });
          if (!verdict.ok && verdict.code === "transition_not_allowed") {
            expect(verdict.allowed.map((s) => s.id)).toEqual(allowedTargets(def, order.statusId).map((s) => s.id));
          }
        } else if (target.archived) {
          expect(verdict).toMatchObject({ ok: false, code: "guard_failed", reason: "archived" });
        } else if (!paymentOk) {
          expect(verdict).toMatchObject({ ok: false, code: "guard_failed", reason: "payment_required" });
        } else {
          expect(verdict).toEqual({ ok: true, target });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never lets an order into a target that allowedTargets does not offer", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ def, order, to }) => {
        const offered = allowedTargets(def, order.statusId).some((s) => s.id === to);
        if (evaluateTransition(def, order, to).ok) expect(offered).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("describeTargets (property)", () => {
  it("covers every live status but the current one, each with evaluateTransition's verdict", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ def, order }) => {
        const described = describeTargets(def, order);
        expect(described.map((d) => d.status.id)).toEqual(
          def.statuses.filter((s) => !s.archived && s.id !== order.statusId).map((s) => s.id),
        );
        for (const { status, verdict } of described) {
          expect(verdict).toEqual(evaluateTransition(def, order, status.id));
        }
      }),
      RUNS,
    );
  });
});
