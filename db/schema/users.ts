import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { roles } from "./roles";

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull().unique(),
    name: text().notNull(),
    /** Null until the person sets one through an invitation or reset link: no password signs in. */
    passwordHash: text(),
    roleId: integer()
      .notNull()
      .references(() => roles.id),
    disabledAt: timestamp({ withTimezone: true }),
    /** The language the user chose for the screens; null: follow the browser, then the shop. */
    locale: text(),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Emails are compared case-insensitively; storing them lower-cased keeps the unique index honest.
  (t) => [
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_locale", sql`${t.locale} is null or ${t.locale} in ('pl', 'en')`),
    index("users_role_idx").on(t.roleId),
  ],
);

export const USER_TOKEN_PURPOSES = ["invitation", "password_reset"] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/**
 * One-time links that let a person set a password: an invitation (or the first admin's link from
 * the command line) and "forgot password". Only a SHA-256 of the random token is stored, so the
 * table's contents open nothing; a token works once and until it expires.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text().$type<UserTokenPurpose>().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when the link was used, or replaced or revoked: either way it opens nothing any more. */
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("user_tokens_user_idx").on(t.userId), check("user_tokens_purpose", sql`${t.purpose} in ('invitation', 'password_reset')`)],
);

export const AUDIT_KINDS = [
  "status",
  "status_group",
  "matrix",
  "order_type",
  "template",
  "settings",
  "automation_rule",
  "webhook_endpoint",
  "carrier_receiver",
  "api_key",
  "user",
  "role",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Every change to the shop's configuration: who (a user or an API key), when, what, and the
 * record before and after. Written in the change's own transaction, so no change goes unrecorded
 * and no entry describes a change that was rolled back.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorType: text().$type<"user" | "api" | "system">().notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    kind: text().$type<AuditKind>().notNull(),
    /** What changed: "created", "updated", "deleted", or a kind's own verb ("disabled", "invited"…). */
    action: text().notNull(),
    subjectId: text(),
    subjectLabel: text().notNull(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at.desc()),
    index("audit_log_kind_idx").on(t.kind, t.at.desc()),
    index("audit_log_actor_idx").on(t.actorType, t.actorId, t.at.desc()),
    check("audit_log_actor_type", sql`${t.actorType} in ('user', 'api', 'system')`),
  ],
);

export type User = typeof users.$inferSelect;
export type UserToken = typeof userTokens.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
