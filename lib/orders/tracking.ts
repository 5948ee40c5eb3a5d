import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { orderEvents, orders, type Order, type OrderEvent } from "@/db/schema";
import { validationFailed, type Result } from "@/lib/result";
import { actorSchema } from "./actor";
import { afterOrderEvent } from "./after-event";
import { lockOrderForChange } from "./lock-order";

/** Empty text means "clear it": a person deletes a wrong tracking number by emptying the field. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((s) => (s === "" ? null : s))
    .nullable();

export const setTrackingInputSchema = z.object({
  orderId: z.number().int().positive(),
  courier: optionalText(50, "Keep the courier under 50 characters").pipe(
    z
      .string()
      .regex(/^[a-z0-9_]+$/, "Use a courier key like inpost, dpd or poczta_polska")
      .nullable(),
  ),
  trackingNumber: optionalText(100, "Keep the tracking number under 100 characters").pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "A tracking number has only letters, digits and dashes")
      .nullable(),
  ),
  actor: actorSchema,
  expectedVersion: z.number().int().positive().optional(),
});

export type SetTrackingInput = z.input<typeof setTrackingInputSchema>;
export type SetTrackingOutcome = { order: Order; event: OrderEvent | null };

/**
 * Sets an order's courier and tracking number. Records a `tracking_updated` event with the old
 * and new values and bumps the version (the tracking page and messages now say something else),
 * all in one transaction with the row locked. Saving the same values again changes nothing.
 */
export async function setTracking(db: Db, raw: SetTrackingInput): Promise<Result<SetTrackingOutcome>> {
  const parsed = setTrackingInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;
  return db.transaction(async (tx): Promise<Result<SetTrackingOutcome>> => {
    const locked = await lockOrderForChange(tx, input.orderId, input.expectedVersion);
    if (!locked.ok) return locked;
    const order = locked.value;
    if (order.courier === input.courier && order.trackingNumber === input.trackingNumber) {
      return { ok: true, value: { order, event: null } };
    }
    const now = new Date();
    const [updated] = await tx
      .update(orders)
      .set({ courier: input.courier, trackingNumber: input.trackingNumber, version: order.version + 1, updatedAt: now })
      .where(eq(orders.id, order.id))
      .returning();
    if (!updated) throw new Error(`order ${order.id} vanished while locked`);
    const [event] = await tx
      .insert(orderEvents)
      .values({
        orderId: order.id,
        type: "tracking_updated",
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorLabel: input.actor.label,
        data: {
          courier: input.courier,
          trackingNumber: input.trackingNumber,
          previous: { courier: order.courier, trackingNumber: order.trackingNumber },
        },
        createdAt: now,
      })
      .returning();
    if (!event) throw new Error("tracking_updated event was not written");
    const latest = await afterOrderEvent(tx, { order: updated, event, depth: 0 });
    return { ok: true, value: { order: latest, event } };
  });
}
