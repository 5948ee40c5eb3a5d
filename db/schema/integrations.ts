import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { outbox } from "./outbox";
import { users } from "./users";

export const apiKeyScope = pgEnum("api_key_scope", ["read", "write", "admin"]);

/**
 * Keys for machines (ERP, marketplace connectors). Only a hash of the secret is stored; the
 * prefix stays readable so an admin can tell keys apart and a leaked key can be found.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    prefix: text().notNull().unique(),
    /** SHA-256 of the whole key, hex. Keys are long random strings, so a fast hash is enough. */
    secretHash: text().notNull().unique(),
    scope: apiKeyScope().notNull(),
    createdByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
);

/**
 * One row per `Idempotency-Key` a key has sent on a POST: the request's fingerprint and, once
 * answered, the stored response that a retry gets back instead of a second write.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    apiKeyId: integer()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    /** SHA-256 of method, path and body: the same key with another body is refused. */
    requestHash: text().notNull(),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("idempotency_keys_key_idx").on(t.apiKeyId, t.key),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

export const webhookEventType = pgEnum("webhook_event_type", [
  "order.created",
  "order.status_changed",
  "order.payment_recorded",
  "order.tracking_updated",
  "order.updated",
  "order.parcel_event",
  "order.refund_recorded",
]);

/** Where the shop wants to hear about changes. Deliveries are outbox rows of kind `webhook`. */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  url: text().notNull(),
  description: text().notNull().default(""),
  /** Standard Webhooks secret (`whsec_...`); kept readable because signing needs it. */
  secret: text().notNull(),
  eventTypes: webhookEventType().array().notNull().default(sql`'{}'::webhook_event_type[]`),
  enabled: boolean().notNull().default(true),
  /** Why the endpoint was switched off automatically (keeps failing, answered 410). */
  disabledReason: text(),
  disabledAt: timestamp({ withTimezone: true }),
  consecutiveFailures: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Every attempt to deliver a webhook, for the endpoint's deliveries log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    outboxId: bigint({ mode: "number" })
      .notNull()
      .references(() => outbox.id, { onDelete: "cascade" }),
    endpointId: integer()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    responseStatus: integer(),
    responseBody: text(),
    error: text(),
    durationMs: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_attempts_endpoint_idx").on(t.endpointId, t.id)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type ApiKeyScope = (typeof apiKeyScope.enumValues)[number];
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookEventType = (typeof webhookEventType.enumValues)[number];
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
