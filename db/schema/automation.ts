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
import { orders } from "./orders";

export const automationTrigger = pgEnum("automation_trigger", [
  "order_created",
  "payment_recorded",
  "status_entered",
  "tracking_updated",
  "time_in_status",
  "parcel_event",
]);

/**
 * A rule: when the trigger happens and every condition holds, run the actions in order.
 * Trigger settings, conditions and actions are JSON validated by `lib/automation`'s zod schemas.
 */
export const automationRules = pgTable(
  "automation_rules",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    trigger: automationTrigger().notNull(),
    /** e.g. `{ statusCode }` for status_entered, `{ statusCode, hours }` for time_in_status. */
    triggerConfig: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    conditions: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actions: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    position: integer().notNull().default(0),
    enabled: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("automation_rules_trigger_idx").on(t.trigger, t.enabled, t.position)],
);

export const automationRunOutcome = pgEnum("automation_run_outcome", ["done", "failed", "skipped"]);

/**
 * A rule's log: one row each time it fired on an order. For time-based rules `entryKey` names the
 * status entry (the event that entered the status), so the scheduler fires at most once per entry.
 */
export const automationRuns = pgTable(
  "automation_runs",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer()
      .notNull()
      .references(() => automationRules.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    triggerEventId: bigint({ mode: "number" }),
    entryKey: text(),
    outcome: automationRunOutcome().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("automation_runs_rule_idx").on(t.ruleId, t.id),
    index("automation_runs_order_idx").on(t.orderId),
    uniqueIndex("automation_runs_entry_idx")
      .on(t.ruleId, t.orderId, t.entryKey)
      .where(sql`${t.entryKey} is not null`),
  ],
);

export type AutomationRule = typeof automationRules.$inferSelect;
export type AutomationTrigger = (typeof automationTrigger.enumValues)[number];
export type AutomationRun = typeof automationRuns.$inferSelect;
