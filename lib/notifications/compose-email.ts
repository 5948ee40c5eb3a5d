import type { DbOrTx } from "@/db";
import type { OutboxRow, Settings } from "@/db/schema";
import { loadDocumentAttachments } from "@/lib/documents/attachments";
import { templateOfMessage, type OutboxPayload, type TemplateMemo } from "./message-template";
import type { EmailMessage } from "./providers/types";
import { renderEmail } from "./render";
import { shopEnvelope } from "./sender";

/**
 * A customer's or admin's email from its outbox row, as the provider gets it: the template
 * resolved and rendered now, at delivery (ADR 0034), the documents it names attached. The same for
 * an email sent on its own and one sent in a batch.
 */
export async function composeEmail(db: DbOrTx, row: OutboxRow, settings: Settings, templates?: TemplateMemo): Promise<EmailMessage> {
  const payload = row.payload as OutboxPayload;
  const { audience, locale, template, variables } = await templateOfMessage(db, row, settings, templates);
  const email = await renderEmail({ template, variables, settings, locale, audience });
  const attachments = await loadDocumentAttachments(db, payload.attachments ?? []);
  return {
    to: row.recipient,
    ...shopEnvelope(settings),
    subject: email.subject,
    html: email.html,
    text: email.text,
    idempotencyKey: row.idempotencyKey,
    ...(attachments.length ? { attachments } : {}),
  };
}
