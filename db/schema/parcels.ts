import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { PARCEL_EVENT_KINDS } from "../../lib/parcels/event-kinds";
import { orderEvents, orders } from "./orders";

/**
 * What a carrier says about a parcel, in words every carrier shares (ADR 0159). A carrier's own
 * statuses map onto these through its table in lib/parcels/carrier-statuses.ts.
 */
export const parcelEventKind = pgEnum("parcel_event_kind", PARCEL_EVENT_KINDS);

/**
 * Every carrier report recorded on an order, one row each. The history entry (an `order_events`
 * row of type `parcel_event`) is what people and machines read; this row is the report's key:
 * carriers send the same report again, and the unique index turns a second recording of one
 * (same order, carrier, tracking number, carrier status and time) into a refusal the database
 * keeps, whatever path it came by.
 */
export const parcelEvents = pgTable(
  "parcel_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** The history entry that shows it. */
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => orderEvents.id, { onDelete: "cascade" }),
    /** The courier key (`inpost`), as orders name their courier. */
    carrier: text().notNull(),
    trackingNumber: text().notNull(),
    /** The carrier's own word for it (`ready_to_pickup`), kept as sent. */
    carrierStatus: text().notNull(),
    event: parcelEventKind().notNull(),
    /** When the carrier says it happened. */
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("parcel_events_report_idx").on(t.orderId, t.carrier, t.trackingNumber, t.carrierStatus, t.occurredAt),
    index("parcel_events_event_idx").on(t.eventId),
  ],
);

/**
 * Where a carrier's tracking webhooks come in: one row per carrier the shop has set up, holding
 * the secret that makes its receiving address (`/api/carriers/<carrier>/<secret>`). Kept readable,
 * like a webhook endpoint's signing secret, because the admin pastes the address into the
 * carrier's panel and may need to read it again (ADR 0159).
 */
export const carrierReceivers = pgTable("carrier_receivers", {
  carrier: text().primaryKey(),
  secret: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** The last request that carried the right secret, for the admin checking the set-up. */
  lastReceivedAt: timestamp({ withTimezone: true }),
});

export type ParcelEventKind = (typeof parcelEventKind.enumValues)[number];
export type ParcelEventRow = typeof parcelEvents.$inferSelect;
export type CarrierReceiver = typeof carrierReceivers.$inferSelect;
