import { z } from "zod";
import type { DbOrTx } from "@/db";
import type { Order, OrderEvent } from "@/db/schema";
import { ok, validationFailed, type Result } from "@/lib/result";
import { actorSchema } from "./actor";
import { atMost, ORDER_LIMITS } from "./limits";
import { changeOrder } from "./order-change";

export const recordPaymentInputSchema = z.object({
  orderId: z.number().int().positive(),
  /** Minor units (grosze, cents). */
  amount: z.number().int("Amount must be in whole minor units").positive("Amount must be more than zero"),
  actor: actorSchema,
  reference: z.string().trim().max(ORDER_LIMITS.paymentReference, atMost(ORDER_LIMITS.paymentReference)).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export type RecordPaymentInput = z.input<typeof recordPaymentInputSchema>;

/**
 * Adds a payment to an order. The order counts as paid once the payments reach its total;
 * that is what the payment gate checks. Bumps the version: the order's state changed.
 */
export async function recordPayment(
  db: DbOrTx,
  raw: RecordPaymentInput,
): Promise<Result<{ order: Order; event: OrderEvent }>> {
  const parsed = recordPaymentInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  const changed = await changeOrder(db, input, (order, now) => {
    const paidAmount = order.paidAmount + input.amount;
    const paidAt = order.paidAt ?? (paidAmount >= order.total ? now : null);
    return {
      set: { paidAmount, paidAt },
      event: {
        type: "payment_recorded",
        data: {
          amount: input.amount,
          paidAmount,
          total: order.total,
          fullyPaid: paidAt !== null,
          ...(input.reference ? { reference: input.reference } : {}),
        },
      },
    };
  });
  if (!changed.ok) return changed;
  const { order, event } = changed.value;
  if (!event) throw new Error("a payment always changes the order");
  return ok({ order, event });
}
