/** What a provider is asked to deliver: already rendered, with the outbox row's idempotency key. */
export type EmailMessage = {
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
};

export type SmsMessage = { to: string; text: string; idempotencyKey: string };

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  /**
   * retryable: a later attempt may succeed (5xx, 429, timeouts, dropped connections). notSent: no
   * request was made (the provider's rate limit was taken), so the attempt does not count.
   */
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number; notSent?: true };

/** A batch's answer: the provider's id of each email, in the batch's order, or why none was sent. */
export type BatchOutcome = { ok: true; providerMessageIds: string[] } | Extract<SendOutcome, { ok: false }>;

export type EmailProvider = {
  name: string;
  sendEmail(message: EmailMessage): Promise<SendOutcome>;
  /** The provider's rate limit, shared by every worker (`pacedEmailProvider`); unset: none. */
  requestsPerSecond?: number;
  /**
   * Several emails in one request, all sent or none (attachments go on their own), under the
   * batch's idempotency key: the same key with the same emails is answered, not sent again.
   * With `batchSize`, the most it takes. Unset: one request per email.
   */
  sendBatch?(messages: EmailMessage[], idempotencyKey: string): Promise<BatchOutcome>;
  batchSize?: number;
};
export type SmsProvider = { name: string; sendSms(message: SmsMessage): Promise<SendOutcome> };

/** HTTP statuses worth retrying: the request may well succeed later. */
export function isRetryableStatus(status: number | null | undefined): boolean {
  return status == null || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** `Retry-After` as milliseconds: seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
