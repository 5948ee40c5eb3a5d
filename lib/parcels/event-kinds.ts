/**
 * The carrier-neutral parcel events (ADR 0159), in the order a parcel usually meets them. The
 * database's `parcel_event_kind` enum is built from this list; screens (the rule editor) import it
 * from here, without the schema.
 */
export const PARCEL_EVENT_KINDS = ["created", "in_transit", "out_for_delivery", "ready_for_pickup", "delivered", "returned_to_sender"] as const;

export type ParcelEventKind = (typeof PARCEL_EVENT_KINDS)[number];
