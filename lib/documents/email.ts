import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { documents, orderEvents, orders, outbox, statuses, type DocumentKind } from "@/db/schema";
import { snapshotVariables } from "@/lib/notifications/variables";
import { actorSchema } from "@/lib/orders/actor";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { KIND_NAMES } from "./issue";
import { inTransaction } from "@/db/transaction";

export const queueDocumentEmailInputSchema = z.object({
  orderId: z.number().int().positive(),
  documentId: z.number().int().positive(),
  actor: actorSchema,
});

export type QueueDocumentEmailInput = z.input<typeof queueDocumentEmailInputSchema>;

/**
 * What a document email's outbox payload adds to a status email's: the document to describe in
 * the built-in text and to attach. The worker reads the PDF from `documents` when it sends, so
 * the outbox row stays small.
 */
export type DocumentEmailPayload = {
  template: { channel: "email"; audience: "customer"; document: { kind: DocumentKind; number: string } };
  attachments: { documentId: number }[];
};

/**
 * Queues the document to the order's customer. Each call is one email (staff may resend on
 * purpose); its history event's id makes the idempotency key, so a retried delivery is still one.
 */
export async function queueDocumentEmail(db: DbOrTx, raw: QueueDocumentEmailInput): Promise<Result<{ outboxId: number }>> {
  const parsed = queueDocumentEmailInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const { orderId, documentId, actor } = parsed.data;

  return inTransaction(db, async (tx): Promise<Result<{ outboxId: number }>> => {
    const [row] = await tx
      .select({ document: { id: documents.id, kind: documents.kind, number: documents.number }, order: orders, status: statuses })
      .from(documents)
      .innerJoin(orders, eq(orders.id, documents.orderId))
      .innerJoin(statuses, eq(statuses.id, orders.statusId))
      .where(and(eq(documents.id, documentId), eq(documents.orderId, orderId)));
    if (!row) return refuse("not_found", `Document ${documentId} does not belong to order ${orderId}.`);
    const { document, order, status } = row;
    if (!order.customerEmail) {
      return refuse("validation_failed", `Order ${order.number} has no customer email address.`, {
        fieldErrors: { customerEmail: ["The customer has no email address"] },
      });
    }
    const settings = await getSettings(tx);
    const [event] = await tx
      .insert(orderEvents)
      .values({
        orderId: order.id,
        type: "comment",
        actorType: actor.type,
        actorId: actor.id,
        actorLabel: actor.label,
        comment: `${KIND_NAMES[document.kind]} ${document.number} emailed to ${order.customerEmail}`,
        customerVisible: false,
        data: { document: { id: document.id, kind: document.kind, number: document.number, action: "emailed", to: order.customerEmail } },
      })
      .returning();
    if (!event) throw new Error("document email event was not written");
    const payload: DocumentEmailPayload & Record<string, unknown> = {
      template: { channel: "email", audience: "customer", document: { kind: document.kind, number: document.number } },
      locale: order.locale,
      variables: snapshotVariables({ order, status, settings }),
      attachments: [{ documentId: document.id }],
    };
    const [queued] = await tx
      .insert(outbox)
      .values({
        kind: "email",
        orderId: order.id,
        eventId: event.id,
        recipient: order.customerEmail,
        payload,
        idempotencyKey: `event:${event.id}:email:document:${document.id}`,
      })
      .returning({ id: outbox.id });
    if (!queued) throw new Error("document email was not queued");
    return ok({ outboxId: queued.id });
  });
}
