import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { createTranslator } from "next-intl";
import { createElement } from "react";
import AccountEmail from "@/emails/account-email";
import type { OutboxRow, Settings } from "@/db/schema";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n/messages";
import type { EmailProvider, SendOutcome } from "./providers/types";
import { renderEmailHtml } from "./email-html";
import { shopEnvelope } from "./sender";

export const ACCOUNT_EMAIL_KINDS = ["invitation", "password_reset"] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

/**
 * What an account email's outbox row keeps: who, in which language, and the link sealed
 * (AES-256-GCM under a key derived from AUTH_SECRET). The database alone never holds a link that
 * opens an account: `user_tokens` keeps only hashes, and this row only ciphertext.
 */
export type AccountEmailPayload = {
  template: { account: AccountEmailKind };
  locale: "pl" | "en";
  name: string;
  /** Who invited the person (an invitation from a person), for the greeting. */
  invitedBy?: string;
  sealedLink: string;
  expiresAt: string;
};

export function isAccountEmailPayload(payload: unknown): payload is AccountEmailPayload {
  const template = (payload as { template?: { account?: unknown } } | null)?.template;
  return typeof template?.account === "string";
}

function sealingKey(): Buffer {
  return createHash("sha256").update(`orderly:account-link:${env().AUTH_SECRET}`).digest();
}

/** Encrypts a link for the outbox row; only a process with the same AUTH_SECRET opens it. */
export function sealLink(link: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(link, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openSealedLink(sealed: string): string {
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}

type EmailSettings = Pick<Settings, "shopName" | "brandColour" | "supportEmail" | "supportPhone" | "timeZone">;

/** The email, worded from the catalogue in the recipient's language, with the link opened. */
export async function renderAccountEmail(payload: AccountEmailPayload, settings: EmailSettings) {
  const locale = payload.locale === "en" ? "en" : "pl";
  const t = createTranslator({ locale, messages: messages[locale], namespace: "accounts.email" });
  const link = openSealedLink(payload.sealedLink);
  const shop = settings.shopName;
  const until = formatDateTime(new Date(payload.expiresAt), locale, settings.timeZone);
  const invitation = payload.template.account === "invitation";
  const subject = invitation ? t("invitation.subject", { shop }) : t("reset.subject", { shop });
  const paragraphs = [
    t("greeting", { name: payload.name }),
    invitation
      ? payload.invitedBy
        ? t("invitation.bodyFrom", { shop, by: payload.invitedBy })
        : t("invitation.body", { shop })
      : t("reset.body", { shop }),
  ];
  const buttonLabel = invitation ? t("invitation.button") : t("reset.button");
  const notes = [t("validUntil", { until }), invitation ? t("invitation.ignore") : t("reset.ignore")];
  const footer = [shop, settings.supportEmail, settings.supportPhone].filter(Boolean).join(" · ");
  const html = await renderEmailHtml(
    createElement(AccountEmail, { locale, shopName: shop, brandColour: settings.brandColour, subject, paragraphs, buttonLabel, link, notes, footer }),
  );
  const text = [...paragraphs, `${buttonLabel}: ${link}`, ...notes, footer].join("\n\n");
  return { subject, html, text, link };
}

/**
 * Sends an account email's row. What the outbox keeps of it afterwards depends on where it went:
 * the dev mailbox is how the message reaches anyone, so it keeps the whole email; after a real
 * provider delivered it, the kept copy has the link blanked out, so the mailbox page never shows
 * an admin a working link to someone else's account.
 */
export async function sendAccountEmailRow(
  row: OutboxRow,
  settings: EmailSettings & Pick<Settings, "senderEmail">,
  provider: EmailProvider,
): Promise<SendOutcome & { subject?: string; body?: string }> {
  const payload = row.payload as AccountEmailPayload;
  const email = await renderAccountEmail(payload, settings);
  const outcome = await provider.sendEmail({
    to: row.recipient,
    ...shopEnvelope(settings),
    subject: email.subject,
    html: email.html,
    text: email.text,
    idempotencyKey: row.idempotencyKey,
  });
  const kept = provider.name === "mailbox" ? email.html : email.html.replaceAll(email.link, "#");
  return { ...outcome, subject: email.subject, body: kept };
}
