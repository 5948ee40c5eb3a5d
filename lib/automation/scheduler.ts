import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { automationRules, automationRuns, orderEvents, orders, statuses, type AutomationRule } from "@/db/schema";
import { lockOrderForChange } from "@/lib/orders/lock-order";
import type { OrderEventContext } from "@/lib/orders/reactions";
import { applyEffects } from "@/lib/orders/transition";
import { runRule } from "./dispatch";
import { parseStoredRule } from "./schemas";
import { inTransaction } from "@/db/transaction";

export type SchedulerTally = { checked: number; fired: number; failed: number };

/** The event that put each order into its current status: a status change, or its creation. */
const entryEventId = sql`(select e.id from order_events e
  where e.order_id = ${orders.id} and e.type in ('created', 'status_changed') and e.to_status_id = ${orders.statusId}
  order by e.id desc limit 1)`;

/**
 * Time-in-status rules, run by the worker loop every minute or so. For each enabled rule, finds
 * orders that have sat in its status for at least its hours and have no run for this stay, then
 * runs the rule for each in its own transaction with the order row locked. The stay is named by
 * the event that entered the status (`entryKey`), claimed in `automation_runs` before anything
 * else: a rule fires at most once per stay, however many schedulers run side by side.
 */
export async function runDueTimeRules(
  db: DbOrTx,
  options: { now?: Date; batchSize?: number; orderId?: number; observe?: OrderEventContext["observe"] } = {},
): Promise<SchedulerTally> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const tally: SchedulerTally = { checked: 0, fired: 0, failed: 0 };
  const rules = await db
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.trigger, "time_in_status"), eq(automationRules.enabled, true)))
    .orderBy(asc(automationRules.position), asc(automationRules.id));

  for (const rule of rules) {
    const spec = parseStoredRule(rule);
    if (spec?.trigger.type !== "time_in_status") continue;
    const [status] = await db.select({ id: statuses.id }).from(statuses).where(eq(statuses.code, spec.trigger.statusCode));
    if (!status) continue;
    const cutoff = new Date(now.getTime() - spec.trigger.hours * 3_600_000);
    const candidates = await db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          eq(orders.statusId, status.id),
          lte(orders.statusChangedAt, cutoff),
          options.orderId ? eq(orders.id, options.orderId) : undefined,
          sql`not exists (select 1 from ${automationRuns} r where r.rule_id = ${rule.id} and r.order_id = ${orders.id}
                and r.entry_key = 'event:' || ${entryEventId})`,
        ),
      )
      .orderBy(asc(orders.statusChangedAt))
      .limit(batchSize);

    for (const candidate of candidates) {
      tally.checked += 1;
      const outcome = await fireForOrder(db, rule, candidate.id, status.id, cutoff, options.observe);
      if (outcome === "done") tally.fired += 1;
      if (outcome === "failed") tally.failed += 1;
    }
  }
  return tally;
}

async function fireForOrder(
  db: DbOrTx,
  rule: AutomationRule,
  orderId: number,
  statusId: number,
  cutoff: Date,
  observe: OrderEventContext["observe"],
) {
  return inTransaction(db, async (tx) => {
    const locked = await lockOrderForChange(tx, { id: orderId });
    if (!locked.ok) return "gone";
    const order = locked.value;
    // Re-checked under the lock: someone may have moved the order since the scan.
    if (order.statusId !== statusId || order.statusChangedAt > cutoff) return "moved";
    const [entry] = await tx
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), inArray(orderEvents.type, ["created", "status_changed"]), eq(orderEvents.toStatusId, statusId)))
      .orderBy(sql`${orderEvents.id} desc`)
      .limit(1);
    if (!entry) return "no_entry";
    const context = { order, event: entry, depth: 0, chain: [], observe };
    const run = await applyEffects(tx, context, runRule(tx, rule, context, { entryKey: `event:${entry.id}` }));
    return run.outcome;
  });
}
