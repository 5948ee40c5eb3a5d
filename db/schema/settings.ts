import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Shop-wide settings: one row, enforced by a constant primary key. */
export const settings = pgTable(
  "settings",
  {
    id: boolean().primaryKey().default(true),
    shopName: text().notNull().default("My shop"),
    defaultLocale: text().notNull().default("pl"),
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
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("settings_single_row", sql`${t.id}`)],
);

export type Settings = typeof settings.$inferSelect;
