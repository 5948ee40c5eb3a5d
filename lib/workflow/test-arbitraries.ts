// fast-check generators for random workflow definitions, shared by the property tests. Ids are
// sparse and shuffled so nothing can lean on "id equals position".
import fc from "fast-check";
import type { GroupKind, OrderFacts, WorkflowDefinition, WorkflowStatus } from "./types";

export const KINDS: GroupKind[] = ["new", "in_progress", "completed", "not_completed"];
/** Ids that never belong to a generated status: dangling references and unknown targets. */
export const UNKNOWN_IDS = [900, 901];

const flagsArb = fc.record({
  groupKind: fc.constantFrom(...KINDS),
  requiresPayment: fc.boolean(),
  allowCashOnDelivery: fc.boolean(),
  awaitsPayment: fc.boolean(),
  archived: fc.boolean(),
});

export type DefOptions = { dangling?: boolean };

export function definitionArb(options: DefOptions = {}): fc.Arbitrary<WorkflowDefinition> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 })
    .chain((ids) => {
      const statusesArb = fc.tuple(...ids.map(() => flagsArb)).map((flags) =>
        flags.map(
          (f, i): WorkflowStatus => ({ id: ids[i] as number, code: `s${ids[i]}`, name: `S${ids[i]}`, ...f }),
        ),
      );
      const endpoints = options.dangling ? [...ids, ...UNKNOWN_IDS] : ids;
      const pairs = endpoints.flatMap((from) => endpoints.map((to) => ({ from, to })));
      // Either a clean subset of the matrix or a bag with repeats, so dedup logic gets exercised.
      const transitionsArb = fc.oneof(
        fc.subarray(pairs),
        fc.array(fc.constantFrom(...pairs), { maxLength: 40 }),
      );
      const initialArb = fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_IDS) },
      );
      return fc.record({ statuses: statusesArb, initialStatusId: initialArb, transitions: transitionsArb });
    });
}

/** A definition, an order sitting in one of its statuses (rarely an unknown one) and a target id. */
export function scenarioArb(): fc.Arbitrary<{ def: WorkflowDefinition; order: OrderFacts; to: number }> {
  return definitionArb({ dangling: true }).chain((def) => {
    const ids = def.statuses.map((s) => s.id);
    const idArb = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_IDS) },
    );
    const orderArb = fc.record({
      statusId: idArb,
      paid: fc.boolean(),
      paymentMethod: fc.constantFrom("cod", "card", "transfer"),
    });
    return fc.record({ def: fc.constant(def), order: orderArb, to: idArb });
  });
}
