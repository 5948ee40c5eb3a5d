import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { orderTypes, statuses } from "./workflow";

export type OrderItem = {
  sku: string;
  name: string;
  quantity: number;
  /** Unit price in minor units, gross. */
  unitPrice: number;
  /** VAT rate in percent, e.g. 23. */
  vatRate: number;
};

export type ShippingAddress = {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
};

/**
 * What the customer asked for when starting a return or complaint (lib/returns): a reason from the
 * fixed list for a return, a description for a complaint (a return may carry one too).
 */
export type ReturnRequest = {
  reason: string | null;
  description: string | null;
};

/** Numbers for orders created without one of their own (`ORD-10001`, ...). */
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 10001 });

export const orders = pgTable(
  "orders",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    number: text()
      .notNull()
      .unique()
      .default(sql`'ORD-' || nextval('order_number_seq')`),
    orderTypeId: integer()
      .notNull()
      .references(() => orderTypes.id),
    statusId: integer()
      .notNull()
      .references(() => statuses.id),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Optimistic-concurrency counter, bumped by every status change. */
    version: integer().notNull().default(1),
    channel: text().notNull(),
    customerName: text().notNull(),
    customerEmail: text(),
    customerPhone: text(),
    locale: text().notNull().default("pl"),
    currency: text().notNull().default("PLN"),
    total: integer().notNull(),
    paymentMethod: text().notNull(),
    paidAt: timestamp({ withTimezone: true }),
    paidAmount: integer().notNull().default(0),
    shippingMethod: text(),
    courier: text(),
    trackingNumber: text(),
    trackingToken: text().notNull().unique(),
    shippingAddress: jsonb().$type<ShippingAddress>(),
    items: jsonb().$type<OrderItem[]>().notNull().default([]),
    /** A return or complaint's sale (ADR 0161); null for sales. */
    parentOrderId: integer().references((): AnyPgColumn => orders.id),
    /** A return or complaint's request as the customer made it; null for sales. */
    returnRequest: jsonb().$type<ReturnRequest>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_status_changed_idx").on(t.statusId, t.statusChangedAt),
    // The board reads one order type's columns: per status, oldest change first.
    index("orders_type_status_changed_idx").on(t.orderTypeId, t.statusId, t.statusChangedAt),
    index("orders_created_idx").on(t.createdAt),
    // A sale's returns and complaints, read on its page, its tracking page and when checking quantities.
    index("orders_parent_idx").on(t.parentOrderId).where(sql`${t.parentOrderId} is not null`),
    // The API lists orders by last change (a sync polls `sort=updated`, `updatedSince`): keyset pages in (updated_at, id).
    index("orders_updated_idx").on(t.updatedAt, t.id),
    // A number typed or scanned in any case ("ord-10294") finds its order without a scan of the table.
    index("orders_number_upper_idx").on(sql`upper(${t.number})`),
    check("orders_number_format", sql`${t.number} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'`),
    check("orders_total_nonnegative", sql`${t.total} >= 0 and ${t.paidAmount} >= 0`),
  ],
);

export const orderEventType = pgEnum("order_event_type", [
  "created",
  "status_changed",
  "payment_recorded",
  "tracking_updated",
  "comment",
  "automation_failed",
  "notification_failed",
  "order_edited",
  // Money sent back on a return or complaint (lib/returns/refund.ts, ADR 0162).
  "refund_recorded",
  "parcel_event",
]);

export const actorType = pgEnum("actor_type", ["user", "api", "automation", "system"]);

export const orderEvents = pgTable(
  "order_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    type: orderEventType().notNull(),
    fromStatusId: integer().references(() => statuses.id),
    toStatusId: integer().references(() => statuses.id),
    actorType: actorType().notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    comment: text(),
    customerVisible: boolean().notNull().default(false),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("order_events_order_idx").on(t.orderId, t.id),
    // Analytics read the stays that began in a period: status entries by time, without the
    // payments, comments and failures that make up the rest of the history.
    index("order_events_status_entries_idx")
      .on(t.createdAt, t.orderId, t.id, t.toStatusId)
      .where(sql`${t.type} in ('created', 'status_changed')`),
    // Stays are each order's status entries in time order (LEAD over order, time, id): read in
    // that order from here, the window needs no sort, and the cohort figures look up one order's
    // entries (and the status each put it in) without touching the table.
    index("order_events_status_history_idx")
      .on(t.orderId, t.createdAt, t.id, t.toStatusId)
      .where(sql`${t.type} in ('created', 'status_changed')`),
  ],
);

export const ordersRelations = relations(orders, ({ one, many }) => ({
  status: one(statuses, { fields: [orders.statusId], references: [statuses.id] }),
  orderType: one(orderTypes, { fields: [orders.orderTypeId], references: [orderTypes.id] }),
  events: many(orderEvents),
}));

export const orderEventsRelations = relations(orderEvents, ({ one }) => ({
  order: one(orders, { fields: [orderEvents.orderId], references: [orders.id] }),
}));

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type OrderEventType = (typeof orderEventType.enumValues)[number];
export type ActorType = (typeof actorType.enumValues)[number];
