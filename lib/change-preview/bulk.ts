import type { DbOrTx } from "@/db";
import { outcomeOf } from "@/lib/change-outcome";
import type { BulkTransitionInput } from "@/lib/orders";
import { previewStatusChange } from "./preview";
import type { BulkEffects, RefusedOutcome } from "./types";

/** A bulk change as `transitionOrders` takes it. */
export type BulkPreviewInput = BulkTransitionInput;

/**
 * What a bulk change would do, in counts: each order previewed as `transitionOrders` would change
 * it, on its own and in its own transaction that is never kept (so one order's preview sees
 * nothing of another's, as one order's change commits apart from the next). The caller bounds the
 * number of orders (the bulk form's chunk).
 */
export async function previewStatusChanges(db: DbOrTx, input: BulkPreviewInput): Promise<BulkEffects> {
  const { orders, ...change } = input;
  const counts: BulkEffects = { orders: orders.length, changing: 0, refused: {}, emails: 0, sms: 0, alerts: 0, notSent: 0, webhooks: 0, rules: [] };
  const rules = new Map<string, number>();
  for (const { orderId, expectedVersion } of orders) {
    const result = await previewStatusChange(db, { ...change, orderId, expectedVersion }, { subjects: false });
    if (!result.ok) {
      const outcome = outcomeOf(result) as RefusedOutcome;
      counts.refused[outcome] = (counts.refused[outcome] ?? 0) + 1;
      continue;
    }
    const effects = result.value;
    counts.changing += 1;
    for (const message of effects.messages) {
      if (message.fate !== "send") counts.notSent += 1;
      else if (message.audience === "admin") counts.alerts += 1;
      else if (message.channel === "sms") counts.sms += 1;
      else counts.emails += 1;
    }
    counts.webhooks += effects.webhooks.reduce((sum, w) => sum + w.endpoints, 0);
    // A rule firing twice on one order (a chain back through its status) counts once for the order.
    for (const name of new Set(effects.rules.map((r) => r.ruleName))) rules.set(name, (rules.get(name) ?? 0) + 1);
  }
  counts.rules = [...rules].map(([ruleName, n]) => ({ ruleName, orders: n }));
  return counts;
}
