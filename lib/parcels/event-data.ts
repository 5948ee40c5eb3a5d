import { PARCEL_EVENT_KINDS, type ParcelEventKind } from "./event-kinds";

export { PARCEL_EVENT_KINDS };

/**
 * What a `parcel_event` history entry holds in `data`: the facts the history, the tracking page,
 * rules and webhooks read. Pure, so the rules (which lib/orders reaches) read it without a circle.
 */
export type ParcelEventData = {
  event: ParcelEventKind;
  /** The courier key (`inpost`). */
  carrier: string;
  /** The carrier's own word, kept as sent. */
  carrierStatus: string;
  trackingNumber: string;
  /** ISO 8601: when the carrier says it happened. */
  occurredAt: string;
  /** The carrier's status was missing from its table and is recorded as the table's default. */
  unknownStatus?: true;
};

export function isParcelEventKind(value: unknown): value is ParcelEventKind {
  return (PARCEL_EVENT_KINDS as readonly unknown[]).includes(value);
}

/** The parcel facts of a history entry's data, or undefined when it holds none (a malformed row). */
export function parcelEventDataOf(data: unknown): ParcelEventData | undefined {
  const d = data as Partial<ParcelEventData> | null;
  if (!d || typeof d.carrier !== "string" || !isParcelEventKind(d.event)) return undefined;
  return d as ParcelEventData;
}
