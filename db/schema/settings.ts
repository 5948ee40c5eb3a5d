import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Shop-wide settings: one row, enforced by a constant primary key. */
export const settings = pgTable(
  "settings",
  {
    id: boolean().primaryKey().default(true),
    shopName: text().notNull().default("My shop"),
    defaultLocale: text().notNull().default("pl"),
    /** The language of staff and admin screens for a user who chose none and whose browser asks for neither Polish nor English. */
    staffLocale: text().notNull().default("pl"),
    /** The IANA time zone dates are shown in, on every screen and in every message. */
    timeZone: text().notNull().default("Europe/Warsaw"),
    /** Send SMS with Polish letters replaced by plain ones (GSM-7, half the cost), unless a template says otherwise. */
    smsTransliterate: boolean().notNull().default(false),
    /** Seconds a change's emails and SMS wait before the worker may send them, so the change can be undone unseen (0: no hold). */
    messageHoldSeconds: integer().notNull().default(30),
    /** Hours in which the same template is not sent again to the same order and address (0: no check). */
    duplicateWindowHours: integer().notNull().default(24),
    currency: text().notNull().default("PLN"),
    brandColour: text().notNull().default("#2563eb"),
    supportEmail: text(),
    supportPhone: text(),
    /** The From address of emails; the shop's domain must be verified with the email provider. */
    senderEmail: text(),
    /** A small logo as a data: URL, so it travels with the database and needs no file storage. */
    logoDataUrl: text(),
    bankAccount: text(),
    /** The seller on pro-forma and invoice documents. */
    sellerName: text(),
    sellerTaxId: text(),
    sellerAddress: text(),
    appUrl: text().notNull().default("http://localhost:3000"),
    courierTrackingLinks: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Price of one SMS segment in minor units, for the template editor's cost estimate. */
    smsPriceDomestic: integer().notNull().default(16),
    smsPriceForeign: integer().notNull().default(35),
    /** Days after an order is completed in which its customer may start a return from the tracking page (ADR 0161). */
    returnWindowDays: integer().notNull().default(14),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("settings_single_row", sql`${t.id}`),
    check("settings_staff_locale", sql`${t.staffLocale} in ('pl', 'en')`),
    check("settings_message_hold", sql`${t.messageHoldSeconds} between 0 and 600`),
    check("settings_duplicate_window", sql`${t.duplicateWindowHours} between 0 and 720`),
    check("settings_return_window", sql`${t.returnWindowDays} between 0 and 365`),
  ],
);

export type Settings = typeof settings.$inferSelect;
