import { z } from "zod";
import type { DbOrTx } from "@/db";
import { validationFailed, type Result } from "@/lib/result";
import { actorSchema } from "./actor";
import { atMost, ORDER_LIMITS } from "./limits";
import { changeOrder, type OrderChangeOutcome } from "./order-change";

/** Empty text means "clear it": a person deletes a wrong tracking number by emptying the field. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((s) => (s === "" ? null : s))
    .nullable();

/** A courier's key as orders store it; parcel events name their carrier the same way. */
export const courierKeySchema = z.string().regex(/^[a-z0-9_]+$/, "Use a courier key like inpost, dpd or poczta_polska");
export const trackingNumberSchema = z.string().regex(/^[A-Za-z0-9-]+$/, "A tracking number has only letters, digits and dashes");

export const setTrackingInputSchema = z.object({
  orderId: z.number().int().positive(),
  courier: optionalText(ORDER_LIMITS.courier, atMost(ORDER_LIMITS.courier)).pipe(courierKeySchema.nullable()),
  trackingNumber: optionalText(ORDER_LIMITS.trackingNumber, atMost(ORDER_LIMITS.trackingNumber)).pipe(trackingNumberSchema.nullable()),
  actor: actorSchema,
  expectedVersion: z.number().int().positive().optional(),
});

export type SetTrackingInput = z.input<typeof setTrackingInputSchema>;
export type SetTrackingOutcome = OrderChangeOutcome;

/**
 * Sets an order's courier and tracking number. Records a `tracking_updated` event with the old
 * and new values and bumps the version (the tracking page and messages now say something else),
 * all in one transaction with the row locked. Saving the same values again changes nothing.
 */
export async function setTracking(db: DbOrTx, raw: SetTrackingInput): Promise<Result<SetTrackingOutcome>> {
  const parsed = setTrackingInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;
  return changeOrder(db, input, (order) => {
    if (order.courier === input.courier && order.trackingNumber === input.trackingNumber) return null;
    return {
      set: { courier: input.courier, trackingNumber: input.trackingNumber },
      event: {
        type: "tracking_updated",
        data: {
          courier: input.courier,
          trackingNumber: input.trackingNumber,
          previous: { courier: order.courier, trackingNumber: order.trackingNumber },
        },
      },
    };
  });
}
