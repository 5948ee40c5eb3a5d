/**
 * Pro-forma and invoice documents: issued from an order and the shop's settings, stored as PDFs,
 * downloadable by staff and (when the status allows) by the customer, and emailed as attachments.
 * Automations and the order page call `issueDocument` and `queueDocumentEmail`; both accept an
 * open transaction as `db` and join it (db/transaction.ts): an automation runs each action in a
 * savepoint of its own, which a refusal rolls back.
 */
import type { DbOrTx } from "@/db";
import type { Document, DocumentKind } from "@/db/schema";
import type { Result } from "@/lib/result";
import { issueDocumentWithOutcome, type IssueDocumentInput } from "./issue";

export type { Document, DocumentKind };
export type { IssueDocumentInput };

/**
 * Issues a pro-forma or an invoice for an order, or returns the one that already stands for it:
 * an order has one invoice, and a pro-forma is reissued only when the order's figures changed.
 */
export async function issueDocument(db: DbOrTx, input: IssueDocumentInput): Promise<Result<Document>> {
  const result = await issueDocumentWithOutcome(db, input);
  return result.ok ? { ok: true, value: result.value.document } : result;
}

export { issueDocumentWithOutcome, type IssueOutcome } from "./issue";
/**
 * Queues an email to the order's customer with the document attached. The outbox row carries the
 * document's id; the worker attaches the stored PDF when it sends.
 */
export { queueDocumentEmail, type QueueDocumentEmailInput, type DocumentEmailPayload } from "./email";
export { loadDocumentAttachments, type StoredAttachment } from "./attachments";
export { amountInWords } from "./words";
