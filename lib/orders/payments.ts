import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { orderEvents, orders, type Order, type OrderEvent } from "@/db/schema";
import { validationFailed, type Result } from "@/lib/result";
import { actorSchema } from "./actor";
import { afterOrderEvent } from "./after-event";
import { lockOrderForChange } from "./lock-order";

export const recordPaymentInputSchema = z.object({
  orderId: z.number().int().positive(),
  /** Minor units (grosze, cents). */
  amount: z.number().int("Amount must be in whole minor units").positive("Amount must be more than zero"),
  actor: actorSchema,
  reference: z.string().trim().max(200).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export type RecordPaymentInput = z.input<typeof recordPaymentInputSchema>;

/**
 * Adds a payment to an order. The order counts as paid once the payments reach its total;
 * that is what the payment gate checks. Bumps the version: the order's state changed.
 */
export async function recordPayment(
  db: Db,
  raw: RecordPaymentInput,
): Promise<Result<{ order: Order; event: OrderEvent }>> {
  const parsed = recordPaymentInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  return db.transaction(async (tx) => {
    const locked = await lockOrderForChange(tx, input.orderId, input.expectedVersion);
    if (!locked.ok) return locked;
    const order = locked.value;

    const now = new Date();
    const paidAmount = order.paidAmount + input.amount;
    const paidAt = order.paidAt ?? (paidAmount >= order.total ? now : null);
    const [updated] = await tx
      .update(orders)
      .set({ paidAmount, paidAt, version: order.version + 1, updatedAt: now })
      .where(eq(orders.id, order.id))
      .returning();
    if (!updated) throw new Error(`order ${order.id} vanished while locked`);

    const [event] = await tx
      .insert(orderEvents)
      .values({
        orderId: order.id,
        type: "payment_recorded",
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorLabel: input.actor.label,
        data: {
          amount: input.amount,
          paidAmount,
          total: order.total,
          fullyPaid: paidAt !== null,
          ...(input.reference ? { reference: input.reference } : {}),
        },
        createdAt: now,
      })
      .returning();
    if (!event) throw new Error("payment_recorded event was not written");
    const latest = await afterOrderEvent(tx, { order: updated, event, depth: 0 });
    return { ok: true as const, value: { order: latest, event } };
  });
}
