import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

export const statusGroupKind = pgEnum("status_group_kind", [
  "new",
  "in_progress",
  "completed",
  "not_completed",
]);

/** Per-locale overrides of a group's or an order type's name, e.g. `{ pl: { name: "Nowe" } }`. */
export type NameTranslations = Partial<Record<string, { name?: string }>>;

export const statusGroups = pgTable("status_groups", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  key: text().notNull().unique(),
  name: text().notNull(),
  colour: text().notNull(),
  position: integer().notNull().default(0),
  kind: statusGroupKind().notNull(),
  /** The group's name in other languages, so a board in Polish reads "Nowe" where English reads "New". */
  translations: jsonb().$type<NameTranslations>().notNull().default({}),
});

/** Per-locale overrides of a status's name and customer label, e.g. `{ pl: { name: "Nowe" } }`. */
export type StatusTranslations = Partial<
  Record<string, { name?: string; customerLabel?: string | null }>
>;

export const statuses = pgTable(
  "statuses",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    /** Shown to customers; null hides the status from them entirely. */
    customerLabel: text(),
    description: text().notNull().default(""),
    colour: text().notNull(),
    groupId: integer()
      .notNull()
      .references(() => statusGroups.id),
    position: integer().notNull().default(0),
    /** Payment gate: an unpaid order cannot enter this status. */
    requiresPayment: boolean().notNull().default(false),
    /** With the payment gate on, cash-on-delivery orders may still pass (they pay the courier). */
    allowCashOnDelivery: boolean().notNull().default(false),
    /** The status asks the customer to pay (e.g. "awaiting payment"); the lint uses it. */
    awaitsPayment: boolean().notNull().default(false),
    slaHours: integer(),
    externalCodes: jsonb().$type<Record<string, string>>().notNull().default({}),
    notifyCustomerEmail: boolean().notNull().default(false),
    notifyCustomerSms: boolean().notNull().default(false),
    notifyAdminEmail: boolean().notNull().default(false),
    adminEmails: jsonb().$type<string[]>().notNull().default([]),
    /** Sales channels whose orders get this status's notifications; empty means all. */
    notifyChannels: jsonb().$type<string[]>().notNull().default([]),
    translations: jsonb().$type<StatusTranslations>().notNull().default({}),
    /** Customers may download the order's documents (pro-forma, invoice) on the tracking page. */
    showDocumentsOnTracking: boolean().notNull().default(false),
    /** An order here may still have its customer, address, items and total edited (lib/orders/edit.ts). */
    allowsEditing: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("statuses_group_position_idx").on(t.groupId, t.position),
    check("statuses_code_format", sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'`),
    check("statuses_sla_positive", sql`${t.slaHours} is null or ${t.slaHours} > 0`),
  ],
);

/**
 * What an order type's orders are (ADR 0161): sales, or returns and complaints, which are orders of
 * their own linked to the sale they concern (`orders.parent_order_id`) and run by the same engine.
 */
export const orderTypeKind = pgEnum("order_type_kind", ["sale", "return", "complaint"]);

export const orderTypes = pgTable("order_types", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
  kind: orderTypeKind().notNull().default("sale"),
  initialStatusId: integer()
    .notNull()
    .references(() => statuses.id),
  position: integer().notNull().default(0),
  /** The type's name in other languages, so a Polish order list reads "Detaliczne" where English reads "Retail". */
  translations: jsonb().$type<NameTranslations>().notNull().default({}),
});

/** The matrix: a (type, from, to) row means the change is allowed; a missing row means it is not. */
export const transitions = pgTable(
  "transitions",
  {
    orderTypeId: integer()
      .notNull()
      .references(() => orderTypes.id, { onDelete: "cascade" }),
    fromStatusId: integer()
      .notNull()
      .references(() => statuses.id),
    toStatusId: integer()
      .notNull()
      .references(() => statuses.id),
  },
  (t) => [
    primaryKey({ columns: [t.orderTypeId, t.fromStatusId, t.toStatusId] }),
    check("transitions_not_self", sql`${t.fromStatusId} <> ${t.toStatusId}`),
  ],
);

export const statusGroupsRelations = relations(statusGroups, ({ many }) => ({
  statuses: many(statuses),
}));

export const statusesRelations = relations(statuses, ({ one }) => ({
  group: one(statusGroups, { fields: [statuses.groupId], references: [statusGroups.id] }),
}));

export const orderTypesRelations = relations(orderTypes, ({ one, many }) => ({
  initialStatus: one(statuses, { fields: [orderTypes.initialStatusId], references: [statuses.id] }),
  transitions: many(transitions),
}));

export const transitionsRelations = relations(transitions, ({ one }) => ({
  orderType: one(orderTypes, { fields: [transitions.orderTypeId], references: [orderTypes.id] }),
}));

export type StatusGroup = typeof statusGroups.$inferSelect;
export type StatusGroupKind = (typeof statusGroupKind.enumValues)[number];
export type Status = typeof statuses.$inferSelect;
export type OrderType = typeof orderTypes.$inferSelect;
export type OrderTypeKind = (typeof orderTypeKind.enumValues)[number];
export type Transition = typeof transitions.$inferSelect;

/** Ready-made comments staff pick when changing status; status null means any status. */
export const commentTemplates = pgTable(
  "comment_templates",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    statusId: integer().references(() => statuses.id, { onDelete: "cascade" }),
    title: text().notNull(),
    body: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comment_templates_status_idx").on(t.statusId, t.position)],
);

export const commentTemplatesRelations = relations(commentTemplates, ({ one }) => ({
  status: one(statuses, { fields: [commentTemplates.statusId], references: [statuses.id] }),
}));

export type CommentTemplate = typeof commentTemplates.$inferSelect;

/**
 * One row naming the state of what API answers look up (statuses, groups, order types, the app's
 * address) (ADR 0144): statement triggers on those tables give it a new number, so a process may keep
 * them in memory and read only this number to know whether they are still current.
 */
export const catalogueRevision = pgTable(
  "catalogue_revision",
  {
    id: boolean().primaryKey().default(true),
    /** Drawn from a sequence, never added to: a rolled-back change's number is never used again. */
    revision: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("catalogue_revision_single_row", sql`${t.id}`)],
);
