import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RETRY_AFTER_CAP_MS,
  WEBHOOK_RETRY_SCHEDULE_MS,
  healthRuleFor,
  nextWebhookAttemptDelayMs,
  webhookAttemptsAllowed,
  webhookScheduleSpanMs,
} from "./retry-schedule";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const noJitter = () => 0;

describe("the webhook retry schedule", () => {
  it("waits 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h six times, and gives up after 12 attempts", () => {
    const waits = Array.from({ length: 11 }, (_, i) => nextWebhookAttemptDelayMs(i + 1, { random: noJitter }));
    expect(waits).toEqual([5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H, 10 * H, 10 * H, 10 * H, 10 * H]);
    expect(nextWebhookAttemptDelayMs(12, { random: noJitter })).toBeNull();
    expect(webhookAttemptsAllowed()).toBe(12);
    // About three days in all: far past the hour that emails get.
    expect(webhookScheduleSpanMs()).toBe(67 * H + 35 * M + 5 * S);
  });

  it("stretches each wait by up to a fifth at random and never shortens it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failed, draw) => {
        const wait = nextWebhookAttemptDelayMs(failed, { random: () => draw })!;
        const step = WEBHOOK_RETRY_SCHEDULE_MS[failed - 1]!;
        expect(wait).toBeGreaterThanOrEqual(step);
        expect(wait).toBeLessThanOrEqual(Math.round(step * 1.2));
      }),
    );
  });

  it("honours a longer Retry-After up to the cap, but not past the last attempt", () => {
    expect(nextWebhookAttemptDelayMs(1, { random: noJitter, retryAfterMs: 20 * M })).toBe(20 * M);
    expect(nextWebhookAttemptDelayMs(1, { random: noJitter, retryAfterMs: 30 * H })).toBe(RETRY_AFTER_CAP_MS);
    expect(nextWebhookAttemptDelayMs(6, { random: noJitter, retryAfterMs: 1 * S })).toBe(10 * H);
    expect(nextWebhookAttemptDelayMs(12, { random: noJitter, retryAfterMs: 1 * S })).toBeNull();
  });

  it("disables an endpoint no sooner than one delivery's whole schedule of failures", () => {
    expect(healthRuleFor()).toEqual({ disableAfterFailures: 12, disableAfterMs: webhookScheduleSpanMs() });
    expect(healthRuleFor([1, 1])).toEqual({ disableAfterFailures: 3, disableAfterMs: 2 });
  });
});
