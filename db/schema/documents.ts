import { sql } from "drizzle-orm";
import { check, customType, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { DOCUMENT_KINDS } from "../../lib/documents/kinds";
import { orders } from "./orders";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** A correction (faktura korygująca) is issued on a return or complaint and corrects its sale's invoice. */
export const documentKind = pgEnum("document_kind", DOCUMENT_KINDS);

/**
 * Generated PDFs (pro-forma, invoice, correction), kept as issued: a document is a legal record, so it is
 * stored rather than re-rendered. Numbers run per kind and per year (`FV/2026/000123`).
 *
 * A document is issued (numbered, with everything it prints in `content`) in a short transaction
 * and drawn afterwards, outside it; until the drawing is stored `pdf` is null, and a reader draws
 * it from `content` (the same content draws the same bytes). Documents issued before `content`
 * existed have only their PDF.
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
    pdf: bytea(),
    /** Everything the document prints (`DocumentContent`, dates as ISO strings), decided when it was issued. */
    content: jsonb().$type<Record<string, unknown>>(),
    /** Net, VAT and gross per rate and in total, in minor units, as printed. */
    totals: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The invoice a correction corrects (the sale's, while the correction belongs to the return). */
    correctsDocumentId: integer(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.correctsDocumentId], foreignColumns: [t.id], name: "documents_corrects_fk" }),
    // A correction always names its invoice; nothing else corrects anything. Compared as text: a
    // value added to an enum cannot be used as one in the transaction that adds it (the migration).
    check("documents_correction_names_invoice", sql`(${t.kind}::text = 'correction') = (${t.correctsDocumentId} is not null)`),
    unique("documents_number_uq").on(t.kind, t.year, t.sequence),
    index("documents_order_idx").on(t.orderId),
    // A document can always be handed out: drawn already, or drawable from its content.
    check("documents_pdf_or_content", sql`${t.pdf} is not null or ${t.content} is not null`),
  ],
);

export type Document = typeof documents.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];

/**
 * The last number taken per kind and year. Taking a number is one row update, so two issuers
 * wait on each other only for that statement's transaction, never on a scan of `documents`.
 */
export const documentCounters = pgTable(
  "document_counters",
  {
    kind: documentKind().notNull(),
    year: integer().notNull(),
    lastSequence: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);
