/**
 * The documents Orderly issues: a pro-forma and an invoice of a sale, and the correction invoice
 * (faktura korygująca) of a return or complaint. The database's `document_kind` enum is built
 * from this list; screens import it from here, without the schema.
 */
export const DOCUMENT_KINDS = ["proforma", "invoice", "correction"] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return DOCUMENT_KINDS.includes(value as DocumentKind);
}
