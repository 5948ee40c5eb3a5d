import type { DbOrTx } from "@/db";
import type { DocumentKind, OutboxRow, Settings } from "@/db/schema";
import { defaultTemplate, documentEmailTemplate, noteEmailTemplate, type MessageTemplateText } from "./default-templates";
import { resolveTemplate } from "./templates";

/** What an email or SMS row of the outbox carries (account links have their own payload). */
export type OutboxPayload = {
  template?: {
    statusId?: number;
    channel?: "email" | "sms";
    audience?: "customer" | "admin";
    /** A document email (lib/documents): the built-in text naming it. */
    document?: { kind: DocumentKind; number: string };
    /** A note from the order page (lib/orders/notes.ts): the built-in text around it. */
    note?: true;
  };
  locale?: string;
  variables?: Record<string, string>;
  /** Stored documents to attach, read when sending so the row stays small. */
  attachments?: { documentId: number }[];
};

export type MessageTemplateChoice = {
  audience: "customer" | "admin";
  /** The language the message is written in. */
  locale: string;
  template: MessageTemplateText;
  variables: Record<string, string>;
};

/** Who a queued message is for and the language it is written in. */
export function languageOfMessage(
  payload: OutboxPayload,
  settings: Pick<Settings, "staffLocale">,
): { audience: "customer" | "admin"; locale: string } {
  const audience = payload.template?.audience ?? "customer";
  return { audience, locale: audience === "admin" ? settings.staffLocale : (payload.locale ?? "pl") };
}

/**
 * The template and language a queued email or SMS is written with: the worker sends it so, and
 * the preview of a status change (lib/orders/preview-change.ts) names its subject so, from this
 * one place. An admin alert goes to the shop's people, in the shop's staff language, not the
 * customer's (`languageOfMessage`).
 */
/**
 * Status templates already looked up, by status, channel, audience and language: a batch of a
 * hundred emails after one bulk change reads its one template once, not a hundred times. Kept
 * for one batch only, so an edited template applies from the next.
 */
export type TemplateMemo = Map<string, Promise<MessageTemplateText>>;

export async function templateOfMessage(
  db: DbOrTx,
  row: Pick<OutboxRow, "kind" | "payload">,
  settings: Pick<Settings, "staffLocale" | "defaultLocale">,
  memo?: TemplateMemo,
): Promise<MessageTemplateChoice> {
  const payload = row.payload as OutboxPayload;
  const channel = row.kind === "sms" ? "sms" : "email";
  const { audience, locale } = languageOfMessage(payload, settings);
  const statusId = payload.template?.statusId;
  const document = payload.template?.document;
  const template = document
    ? documentEmailTemplate(document, locale)
    : payload.template?.note
      ? noteEmailTemplate(locale)
      : statusId
        ? await remembered(memo, `${statusId}:${channel}:${audience}:${locale}`, () =>
            resolveTemplate(db, { statusId, channel, audience, locale }, settings.defaultLocale),
          )
        : defaultTemplate(channel, audience, locale);
  return { audience, locale, template, variables: payload.variables ?? {} };
}

function remembered(memo: TemplateMemo | undefined, key: string, look: () => Promise<MessageTemplateText>): Promise<MessageTemplateText> {
  if (!memo) return look();
  let found = memo.get(key);
  if (!found) memo.set(key, (found = look()));
  return found;
}
