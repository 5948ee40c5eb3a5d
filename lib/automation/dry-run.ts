import { and, asc, eq, gt, max } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inOwnTransaction } from "@/db/transaction";
import { orderEvents, orders, outbox, statuses, type Order, type OrderEventType, type ParcelEventKind } from "@/db/schema";
import type { ParcelEventData } from "@/lib/parcels/event-data";
import { ok, refuse, type Result } from "@/lib/result";
import { applyEffects } from "@/lib/orders/transition";
import { rulesTriggeredBy, runRules } from "./dispatch";
import { runDueTimeRules } from "./scheduler";
import type { Trigger } from "./schemas";
import type { RuleTrace } from "./trace";

/** "now": the time rules due for this order at this moment; otherwise: as if the event just happened. */
export type DryRunTrigger = Exclude<Trigger, "time_in_status"> | "now";

export type DryRunReport = {
  orderNumber: string;
  trigger: DryRunTrigger;
  statusBefore: string;
  statusAfter: string;
  rules: RuleTrace[];
  events: { type: OrderEventType; actorLabel: string; comment: string | null; toStatus: string | null }[];
  messages: { kind: string; recipient: string }[];
};

const EVENT_OF_TRIGGER: Record<Exclude<DryRunTrigger, "now">, OrderEventType> = {
  order_created: "created",
  payment_recorded: "payment_recorded",
  status_entered: "status_changed",
  tracking_updated: "tracking_updated",
  parcel_event: "parcel_event",
};

function dryRunParcelData(order: Order, event: ParcelEventKind, at: Date): ParcelEventData {
  return { event, carrier: order.courier ?? "", carrierStatus: event, trackingNumber: order.trackingNumber ?? "", occurredAt: at.toISOString() };
}

/**
 * Shows what the rules would do to an order, by doing it: the real dispatcher (or the real
 * scheduler, for "now") runs inside a transaction that is always rolled back, and the report is
 * read from what it wrote. Dry run and reality cannot disagree, because they are the same code.
 * The order is taken as it stands (a simulated payment does not pay it).
 */
export async function dryRunAutomations(
  db: DbOrTx,
  input: { orderNumber: string; trigger: DryRunTrigger; parcelEvent?: ParcelEventKind; now?: Date },
): Promise<Result<DryRunReport>> {
  // Never kept: a dry run's transaction (a savepoint, inside a caller's) always rolls back, with
  // its report read out first.
  return inOwnTransaction(
    db,
    async (tx): Promise<Result<DryRunReport>> => {
      const [order] = await tx.select().from(orders).where(eq(orders.number, input.orderNumber.trim())).for("update");
      if (!order) {
        return refuse("not_found", `There is no order ${input.orderNumber.trim()}.`, { fieldErrors: { orderNumber: ["No such order"] } });
      }
      const statusName = async (id: number) => (await tx.select({ name: statuses.name }).from(statuses).where(eq(statuses.id, id)))[0]?.name ?? "?";
      const [{ lastEvent } = { lastEvent: 0 }] = await tx.select({ lastEvent: max(orderEvents.id) }).from(orderEvents);
      const [{ lastMessage } = { lastMessage: 0 }] = await tx.select({ lastMessage: max(outbox.id) }).from(outbox);

      const traces: RuleTrace[] = [];
      let firstNewEvent = (lastEvent ?? 0) + 1;
      let after = order;
      // Every rule the chain considers, however deep: the orders layer hands `observe` on to each
      // change the rules make, and the rules note their trace into it (lib/automation/dispatch.ts).
      const observe = (note: unknown) => traces.push(note as RuleTrace);
      if (input.trigger === "now") {
        await runDueTimeRules(tx, { orderId: order.id, now: input.now, observe });
      } else {
        const [event] = await tx
          .insert(orderEvents)
          .values({
            orderId: order.id,
            type: EVENT_OF_TRIGGER[input.trigger],
            fromStatusId: input.trigger === "status_entered" ? order.statusId : null,
            toStatusId: input.trigger === "status_entered" || input.trigger === "order_created" ? order.statusId : null,
            actorType: "system",
            actorLabel: "Dry run",
            // As if the order's courier had reported its parcel (delivered, unless asked otherwise).
            data: input.trigger === "parcel_event" ? dryRunParcelData(order, input.parcelEvent ?? "delivered", input.now ?? new Date()) : {},
          })
          .returning();
        firstNewEvent = event!.id + 1;
        const context = { order, event: event!, depth: 0, chain: [], observe };
        after = await applyEffects(tx, context, runRules(tx, context, await rulesTriggeredBy(tx, event!)));
      }
      const [current] = await tx.select().from(orders).where(eq(orders.id, order.id));
      after = current ?? after;

      const events = await tx
        .select({ type: orderEvents.type, actorLabel: orderEvents.actorLabel, comment: orderEvents.comment, toStatus: statuses.name })
        .from(orderEvents)
        .leftJoin(statuses, eq(statuses.id, orderEvents.toStatusId))
        .where(and(eq(orderEvents.orderId, order.id), gt(orderEvents.id, firstNewEvent - 1)))
        .orderBy(asc(orderEvents.id));
      const messages = await tx
        .select({ kind: outbox.kind, recipient: outbox.recipient })
        .from(outbox)
        .where(and(eq(outbox.orderId, order.id), gt(outbox.id, lastMessage ?? 0)))
        .orderBy(asc(outbox.id));
      return ok({
        orderNumber: order.number,
        trigger: input.trigger,
        statusBefore: await statusName(order.statusId),
        statusAfter: await statusName(after.statusId),
        rules: traces,
        events,
        messages,
      });
    },
    () => false,
  );
}
