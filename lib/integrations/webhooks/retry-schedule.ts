import type { HealthRule } from "./endpoint-health";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The waits between a webhook delivery's attempts: the first goes at once, then after 5 s, 5 min,
 * 30 min, 2 h, 5 h and six times 10 h: 12 attempts over about 2 days 20 hours. Receivers go down
 * for deploys, maintenance and weekends, so webhooks follow the Standard Webhooks guidance and
 * retry over days; emails and SMS keep the outbox's own hour-long backoff (lib/notifications/backoff.ts).
 */
export const WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  ...Array<number>(6).fill(10 * HOUR),
];

/**
 * Each wait is stretched by up to this share at random so deliveries that failed together do not
 * come back in lockstep. It never shortens a wait: the schedule lasts at least its nominal span,
 * which the auto-disable rule below relies on.
 */
const JITTER = 0.2;

/** A receiver's Retry-After may ask for a longer wait up to this, so it cannot park a delivery for good. */
export const RETRY_AFTER_CAP_MS = HOUR;

/** How many attempts a delivery gets under a schedule: the first, then one per wait. */
export function webhookAttemptsAllowed(schedule: readonly number[] = WEBHOOK_RETRY_SCHEDULE_MS): number {
  return schedule.length + 1;
}

/** The time from a delivery's first attempt to its last, without jitter. */
export function webhookScheduleSpanMs(schedule: readonly number[] = WEBHOOK_RETRY_SCHEDULE_MS): number {
  return schedule.reduce((sum, wait) => sum + wait, 0);
}

/**
 * The wait before a delivery's next attempt once `failedAttempts` attempts failed, or null when
 * it has had them all and is dead.
 */
export function nextWebhookAttemptDelayMs(
  failedAttempts: number,
  options: { schedule?: readonly number[]; random?: () => number; retryAfterMs?: number } = {},
): number | null {
  const schedule = options.schedule ?? WEBHOOK_RETRY_SCHEDULE_MS;
  const wait = schedule[Math.max(1, failedAttempts) - 1];
  if (wait === undefined) return null;
  const jittered = Math.round(wait * (1 + JITTER * (options.random ?? Math.random)()));
  return Math.max(jittered, Math.min(options.retryAfterMs ?? 0, RETRY_AFTER_CAP_MS));
}

/**
 * The auto-disable rule that fits a schedule: an endpoint is switched off once every attempt has
 * failed for the schedule's whole span and at least as many times as one delivery is tried. Since
 * waits are never shortened, the first delivery of an outage meets both at its last attempt, so the
 * endpoint goes off when that delivery dies, not while its retries are still promised.
 */
export function healthRuleFor(schedule: readonly number[] = WEBHOOK_RETRY_SCHEDULE_MS): HealthRule {
  return { disableAfterFailures: webhookAttemptsAllowed(schedule), disableAfterMs: webhookScheduleSpanMs(schedule) };
}
