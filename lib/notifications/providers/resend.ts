import { Resend } from "resend";
import { isRetryableStatus, parseRetryAfter, type EmailMessage, type EmailProvider, type SendOutcome } from "./types";

/** Resend's batch endpoint takes at most this many emails a request. */
export const RESEND_MAX_BATCH = 100;

type ResendAnswer = { error: { statusCode?: number | null; message?: string } | null; headers?: Record<string, string> | null };

/** A refused or failed request as the worker reads it: whether to try again, and when. */
function failureOf({ error, headers }: ResendAnswer): Extract<SendOutcome, { ok: false }> {
  const status = error?.statusCode ?? null;
  return {
    ok: false,
    retryable: isRetryableStatus(status),
    error: `${status ?? "network"}: ${error?.message ?? "unknown error"}`,
    retryAfterMs: parseRetryAfter(headers?.["retry-after"]),
  };
}

function bodyOf(message: EmailMessage) {
  return { from: message.from, to: [message.to], replyTo: message.replyTo, subject: message.subject, html: message.html, text: message.text };
}

/**
 * Resend, with the outbox row's idempotency key on every request: a retry after a timeout or a
 * crash mid-send is answered with the first send's result instead of a second email.
 */
export function createResendProvider(options: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  requestsPerSecond?: number;
  /** Emails per batch request (POST /emails/batch), at most 100; unset or 1: one request per email. */
  batchSize?: number;
}): EmailProvider {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const batchSize = Math.min(options.batchSize ?? 1, RESEND_MAX_BATCH);
  return {
    name: "resend",
    requestsPerSecond: options.requestsPerSecond,
    async sendEmail(message) {
      const { data, error, headers } = await client.emails.send(
        {
          ...bodyOf(message),
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content).toString("base64"),
            contentType: a.contentType,
          })),
        },
        { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (data) return { ok: true, providerMessageId: data.id };
      return failureOf({ error, headers });
    },
    ...(batchSize > 1 ? { batchSize, sendBatch } : {}),
  };

  // Strict validation (Resend's default): one invalid email refuses the whole batch and sends none.
  async function sendBatch(messages: EmailMessage[], idempotencyKey: string) {
    const { data, error, headers } = await client.batch.send(messages.map(bodyOf), {
      idempotencyKey,
      batchValidation: "strict",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (data && data.data.length === messages.length) return { ok: true as const, providerMessageIds: data.data.map((d) => d.id) };
    if (data) return { ok: false as const, retryable: false, error: `batch answered ${data.data.length} ids for ${messages.length} emails` };
    return failureOf({ error, headers });
  }
}
