import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { parcelEvents } from "@/db/schema";
import { actorSchema } from "@/lib/orders/actor";
import { atMost, ORDER_LIMITS } from "@/lib/orders/limits";
import { changeOrder, type OrderChangeOutcome } from "@/lib/orders/order-change";
import { courierKeySchema, trackingNumberSchema } from "@/lib/orders/tracking";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { PARCEL_EVENT_KINDS, type ParcelEventData } from "./event-data";

/** How far ahead of the server's clock a carrier's time may be before it reads as a mistake. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
export const CARRIER_STATUS_MAX = 100;

/** A carrier's own word for a status, as it sends it (`ready_to_pickup`, `DELIVERED`). */
export const carrierStatusSchema = z
  .string()
  .trim()
  .min(1, "Give the carrier's status")
  .max(CARRIER_STATUS_MAX, atMost(CARRIER_STATUS_MAX))
  .regex(/^[A-Za-z0-9_.-]+$/, "A carrier status has only letters, digits, dots, dashes and underscores");

export const recordParcelEventInputSchema = z.object({
  orderId: z.number().int().positive(),
  event: z.enum(PARCEL_EVENT_KINDS),
  /** Left out: the order's courier. */
  carrier: z.string().trim().max(ORDER_LIMITS.courier, atMost(ORDER_LIMITS.courier)).pipe(courierKeySchema).optional(),
  /** Left out: the neutral event's own name. */
  carrierStatus: carrierStatusSchema.optional(),
  /** Left out: the order's tracking number. */
  trackingNumber: z.string().trim().max(ORDER_LIMITS.trackingNumber, atMost(ORDER_LIMITS.trackingNumber)).pipe(trackingNumberSchema).optional(),
  occurredAt: z.date().refine((at) => !Number.isNaN(at.getTime()), "Not a valid time"),
  /** The carrier's status was not in its table (lib/parcels/carrier-statuses.ts): recorded as the table's default. */
  unknownStatus: z.boolean().default(false),
  actor: actorSchema,
  expectedVersion: z.number().int().positive().optional(),
});

export type RecordParcelEventInput = z.input<typeof recordParcelEventInputSchema>;

/**
 * Records what a carrier says about an order's parcel: a `parcel_event` history entry (shown to
 * the customer on the tracking page), with the version bumped, the `order.parcel_event` webhook
 * and the rules listening to parcel events, all in the order's own transaction under its row
 * lock (lib/orders' changeOrder). A report already recorded for the order (same carrier,
 * tracking number, carrier status and time) changes nothing: carriers send their reports again,
 * and the lock makes a second copy arriving at the same moment wait and then find the first.
 * The order's status is never changed here; rules do that (ADR 0159).
 */
export async function recordParcelEvent(db: DbOrTx, raw: RecordParcelEventInput): Promise<Result<OrderChangeOutcome>> {
  const parsed = recordParcelEventInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;
  if (input.occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    return refuse("validation_failed", "The parcel event is dated more than a day ahead.", { fieldErrors: { occurredAt: ["More than a day in the future"] } });
  }
  return changeOrder(db, input, async (order, _now, tx) => {
    const carrier = input.carrier ?? order.courier;
    const trackingNumber = input.trackingNumber ?? order.trackingNumber;
    if (!carrier) return refuse("validation_failed", "Name the carrier: the order has no courier.", { fieldErrors: { carrier: ["The order has no courier; name the carrier"] } });
    if (!trackingNumber) {
      return refuse("validation_failed", "Give the tracking number: the order has none.", { fieldErrors: { trackingNumber: ["The order has no tracking number; give the parcel's"] } });
    }
    const carrierStatus = input.carrierStatus ?? input.event;
    const report = { orderId: order.id, carrier, trackingNumber, carrierStatus, occurredAt: input.occurredAt };
    const [already] = await tx
      .select({ id: parcelEvents.id })
      .from(parcelEvents)
      .where(
        and(
          eq(parcelEvents.orderId, report.orderId),
          eq(parcelEvents.carrier, carrier),
          eq(parcelEvents.trackingNumber, trackingNumber),
          eq(parcelEvents.carrierStatus, carrierStatus),
          eq(parcelEvents.occurredAt, report.occurredAt),
        ),
      )
      .limit(1);
    if (already) return null;
    const data: ParcelEventData = {
      event: input.event,
      carrier,
      carrierStatus,
      trackingNumber,
      occurredAt: input.occurredAt.toISOString(),
      ...(input.unknownStatus ? { unknownStatus: true as const } : {}),
    };
    return {
      set: {},
      event: { type: "parcel_event", data, customerVisible: true },
      writeWithEvent: async (writer, event) => {
        await writer.insert(parcelEvents).values({ ...report, event: input.event, eventId: event.id });
      },
    };
  });
}
