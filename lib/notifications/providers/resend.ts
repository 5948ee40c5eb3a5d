import { Resend } from "resend";
import { isRetryableStatus, parseRetryAfter, type EmailProvider } from "./types";

/**
 * Resend, with the outbox row's idempotency key on every request: a retry after a timeout or a
 * crash mid-send is answered with the first send's result instead of a second email.
 */
export function createResendProvider(options: { apiKey: string; baseUrl?: string; timeoutMs?: number; requestsPerSecond?: number }): EmailProvider {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: "resend",
    requestsPerSecond: options.requestsPerSecond,
    async sendEmail(message) {
      const { data, error, headers } = await client.emails.send(
        {
          from: message.from,
          to: [message.to],
          replyTo: message.replyTo,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content).toString("base64"),
            contentType: a.contentType,
          })),
        },
        { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (data) return { ok: true, providerMessageId: data.id };
      const status = error?.statusCode ?? null;
      return {
        ok: false,
        retryable: isRetryableStatus(status),
        error: `${status ?? "network"}: ${error?.message ?? "unknown error"}`,
        retryAfterMs: parseRetryAfter(headers?.["retry-after"]),
      };
    },
  };
}
