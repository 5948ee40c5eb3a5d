import { boolean, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { statuses } from "./workflow";

export const messageChannel = pgEnum("message_channel", ["email", "sms"]);
export const messageAudience = pgEnum("message_audience", ["customer", "admin"]);

/**
 * What a status says, per channel, audience and language. Text with `{{variables}}` from the
 * catalogue in lib/notifications; checked when saved, filled when the message is delivered.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    statusId: integer()
      .notNull()
      .references(() => statuses.id, { onDelete: "cascade" }),
    channel: messageChannel().notNull(),
    audience: messageAudience().notNull(),
    locale: text().notNull(),
    subject: text().notNull().default(""),
    body: text().notNull(),
    /** SMS only: replace Polish letters with plain ones (true), keep them (false), or follow the shop's setting (null). */
    smsTransliterate: boolean(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("message_templates_unique_idx").on(t.statusId, t.channel, t.audience, t.locale)],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
