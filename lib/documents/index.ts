/**
 * Pro-forma and invoice documents: issued from an order and the shop's settings, stored as PDFs,
 * downloadable by staff and (when the status allows) by the customer, and emailed as attachments.
 * Automations and the order page call these two functions; everything else here is private.
 */
import type { Db } from "@/db";
import type { Document, DocumentKind } from "@/db/schema";
import type { Actor } from "@/lib/orders/actor";
import { refuse, type Result } from "@/lib/result";

export type { Document, DocumentKind };

export type IssueDocumentInput = { orderId: number; kind: DocumentKind; actor: Actor };
export type QueueDocumentEmailInput = { orderId: number; documentId: number; actor: Actor };

/**
 * Issues a pro-forma or an invoice for an order, or returns the one that already stands for it
 * (an order has at most one invoice). `db` may be an open transaction: the work runs in a nested
 * transaction (a savepoint), so a refusal leaves the caller's transaction usable.
 */
export async function issueDocument(_db: Db, _input: IssueDocumentInput): Promise<Result<Document>> {
  return refuse("not_found", "Documents are not available yet.");
}

/**
 * Queues an email to the order's customer with the document attached. The outbox row carries the
 * document's id; the worker attaches the stored PDF when it sends.
 */
export async function queueDocumentEmail(_db: Db, _input: QueueDocumentEmailInput): Promise<Result<{ outboxId: number }>> {
  return refuse("not_found", "Documents are not available yet.");
}
