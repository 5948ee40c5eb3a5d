import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const outboxKind = pgEnum("outbox_kind", ["email", "sms", "webhook"]);
/**
 * `cancelled`: held messages of a change that was undone, never sent; `skipped`: not sent because
 * the same message went to the same address shortly before (`last_error` says which).
 */
export const outboxState = pgEnum("outbox_state", ["pending", "sending", "sent", "dead", "cancelled", "skipped"]);

/**
 * Messages waiting to leave the system. Rows are written in the same transaction as the
 * event that caused them, so a committed change always has its notifications queued.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: outboxKind().notNull(),
    orderId: integer().references(() => orders.id, { onDelete: "cascade" }),
    /** Set for `webhook` rows: the endpoint the delivery goes to (its deliveries log). */
    webhookEndpointId: integer(),
    eventId: bigint({ mode: "number" }),
    recipient: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text().notNull().unique(),
    state: outboxState().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    providerMessageId: text(),
    renderedSubject: text(),
    renderedBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("outbox_due_idx").on(t.state, t.nextAttemptAt),
    index("outbox_webhook_endpoint_idx").on(t.webhookEndpointId, t.id),
    // A change's held messages (undo) and an order's recent messages (duplicate check).
    index("outbox_order_idx").on(t.orderId, t.createdAt),
    index("outbox_event_idx").on(t.eventId),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxKind = (typeof outboxKind.enumValues)[number];
