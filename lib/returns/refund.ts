import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { orderEvents, orderTypes, type Order, type OrderEvent } from "@/db/schema";
import { actorSchema } from "@/lib/orders";
import { ORDER_LIMITS } from "@/lib/orders/limits";
import { changeOrder } from "@/lib/orders/order-change";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { REFUND_METHODS } from "./refund-methods";

export { REFUND_METHODS };


/** Field errors are keys of the catalogue's `order.errors` where a person sees them. */
export const recordRefundInputSchema = z.object({
  orderId: z.number().int().positive(),
  /** Minor units. */
  amount: z.number("amount").int("amount").positive("amount"),
  method: z.enum(REFUND_METHODS, "method"),
  reference: z
    .string()
    .trim()
    .max(ORDER_LIMITS.paymentReference, "referenceTooLong")
    .transform((v) => v || null)
    .nullable()
    .default(null),
  actor: actorSchema,
  expectedVersion: z.number().int().positive().optional(),
});

export type RecordRefundInput = z.input<typeof recordRefundInputSchema>;

/** What a `refund_recorded` history entry holds. */
export type RefundData = { amount: number; method: (typeof REFUND_METHODS)[number]; reference: string | null; refunded: number; total: number };

/**
 * Records money sent back on a return or complaint (ADR 0162): a history entry of its own type,
 * so it reaches the history, the live updates, the event feed and the rules like any change. The
 * refunds together never exceed the return's total (the value of its items at the sale's prices);
 * the return's row is locked while they are summed, so two at once cannot both pass.
 */
export async function recordRefund(db: DbOrTx, raw: RecordRefundInput): Promise<Result<{ order: Order; event: OrderEvent }>> {
  const parsed = recordRefundInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  const changed = await changeOrder(db, input, async (order, _now, tx) => {
    const [type] = await tx.select({ kind: orderTypes.kind }).from(orderTypes).where(eq(orderTypes.id, order.orderTypeId));
    if (type?.kind === "sale" || order.parentOrderId === null) {
      return refuse("validation_failed", `Order ${order.number} is no return or complaint.`, { details: { reason: "not_a_return" } });
    }
    const refundedBefore = await refundedSoFar(tx, order.id);
    const refunded = refundedBefore + input.amount;
    if (refunded > order.total) {
      return refuse("validation_failed", `Order ${order.number} has ${order.total - refundedBefore} left to refund.`, { fieldErrors: { amount: ["refundTooMuch"] } });
    }
    const data: RefundData = { amount: input.amount, method: input.method, reference: input.reference, refunded, total: order.total };
    return { set: {}, event: { type: "refund_recorded", data } };
  });
  if (!changed.ok) return changed;
  const { order, event } = changed.value;
  if (!event) throw new Error("a refund always writes its entry");
  return ok({ order, event });
}

/** The minor units refunded on an order so far. */
export async function refundedSoFar(db: DbOrTx, orderId: number): Promise<number> {
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum((${orderEvents.data}->>'amount')::bigint), 0)::int` })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "refund_recorded")));
  return Number(row?.sum ?? 0);
}
