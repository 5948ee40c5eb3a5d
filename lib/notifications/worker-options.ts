import type { WebhookDeliveryOptions } from "@/lib/integrations/webhooks/deliver";
import type { EmailProvider, SmsProvider } from "./providers/types";

export type WorkerOptions = {
  email: EmailProvider;
  sms: SmsProvider;
  /** After this many failed attempts an email or SMS row is marked dead and waits for a person
   * (webhook rows follow their own schedule: `webhooks.retrySchedule`). */
  maxAttempts?: number;
  /** How long a claim lasts; a worker that dies mid-send loses its rows to others after this. */
  leaseMs?: number;
  batchSize?: number;
  /**
   * Sends one worker keeps in flight at once. Most of a send is waiting for the provider, so a
   * few side by side keep up where one after another could not; the provider's own rate limit
   * (`EmailProvider.requestsPerSecond`) still holds, across every worker (ADR 0156).
   */
  concurrency?: number;
  random?: () => number;
  /** First retry delay of emails and SMS; later ones double (tests shorten it). */
  backoffBaseMs?: number;
  /** Timeout, private-network policy and auto-disable rule for `webhook` rows. */
  webhooks?: WebhookDeliveryOptions;
};

/** What the worker does when an option is left out. */
export const WORKER_DEFAULTS = { maxAttempts: 8, leaseMs: 60_000, batchSize: 20, concurrency: 4 };
