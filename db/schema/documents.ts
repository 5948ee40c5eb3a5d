import { customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { orders } from "./orders";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const documentKind = pgEnum("document_kind", ["proforma", "invoice"]);

/**
 * Generated PDFs (pro-forma, invoice), kept as issued: a document is a legal record, so it is
 * stored rather than re-rendered. Numbers run per kind and per year (`FV/2026/000123`).
 */
export const documents = pgTable(
  "documents",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: documentKind().notNull(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    number: text().notNull(),
    fileName: text().notNull(),
    pdf: bytea().notNull(),
    /** Net, VAT and gross per rate and in total, in minor units, as printed. */
    totals: jsonb().$type<Record<string, unknown>>().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("documents_number_uq").on(t.kind, t.year, t.sequence), index("documents_order_idx").on(t.orderId)],
);

export type Document = typeof documents.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
