import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { webhookAttempts, webhookEndpoints } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import type { PostOutcome } from "./http-post";
import { inTransaction } from "@/db/transaction";
import { recordAudit, SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

export type HealthRule = {
  /** Failed attempts in a row, across all of the endpoint's deliveries, before it may be disabled. */
  disableAfterFailures: number;
  /** ... and only when the first of them is at least this old: a short outage never disables. The
   * defaults follow the retry schedule (healthRuleFor in retry-schedule.ts). */
  disableAfterMs: number;
};

export type AttemptVerdict = "delivered" | "gone" | "failed";

export function verdictOf(post: PostOutcome): AttemptVerdict {
  if (post.status !== undefined && post.status >= 200 && post.status < 300) return "delivered";
  if (post.status === 410) return "gone";
  return "failed";
}

export function describeFailure(post: PostOutcome): string {
  if (post.status === undefined) return post.error ?? "no answer";
  return `HTTP ${post.status}${post.error ? ` (${post.error})` : ""}`;
}

/**
 * Writes the attempt to the endpoint's log and keeps the endpoint's health in the same
 * transaction: a success clears the failure count, a 410 switches the endpoint off at once
 * (the receiver asked to stop), and a long streak of failures switches it off with the reason.
 * The count and the log move together, so the streak's first attempt is the count-th newest.
 */
export async function recordWebhookAttempt(
  db: DbOrTx,
  input: { outboxId: number; endpointId: number; post: PostOutcome; rule: HealthRule },
): Promise<AttemptVerdict> {
  const { post, endpointId } = input;
  const verdict = verdictOf(post);
  await inTransaction(db, async (tx) => {
    await tx.insert(webhookAttempts).values({
      outboxId: input.outboxId,
      endpointId,
      responseStatus: post.status ?? null,
      responseBody: post.body ?? null,
      error: post.error ?? null,
      durationMs: post.durationMs,
    });
    if (verdict === "delivered") {
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, endpointId));
      return;
    }
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning({ failures: webhookEndpoints.consecutiveFailures, enabled: webhookEndpoints.enabled });
    if (!endpoint?.enabled) return;

    const now = new Date();
    let reason: string | undefined;
    if (verdict === "gone") {
      reason = `The receiver answered 410 Gone on ${formatDateTime(now)}, asking Orderly to stop sending. Fix or replace it, then enable the endpoint again.`;
    } else if (endpoint.failures >= input.rule.disableAfterFailures) {
      const [first] = await tx
        .select({ createdAt: webhookAttempts.createdAt, oldEnough: sql<boolean>`${webhookAttempts.createdAt} <= now() - make_interval(secs => ${input.rule.disableAfterMs / 1000})` })
        .from(webhookAttempts)
        .where(eq(webhookAttempts.endpointId, endpointId))
        .orderBy(desc(webhookAttempts.id))
        .offset(endpoint.failures - 1)
        .limit(1);
      if (first?.oldEnough) {
        reason = `Every delivery attempt failed since ${formatDateTime(first.createdAt)} (${endpoint.failures} attempts in a row; the last: ${describeFailure(post)}). Check the receiver, then enable the endpoint again.`;
      }
    }
    if (reason) {
      const [disabled] = await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: reason, disabledAt: now, updatedAt: now })
        .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
        .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
      if (disabled) {
        await recordAudit(tx, {
          actor: SYSTEM_AUDIT_ACTOR,
          kind: "webhook_endpoint",
          action: "disabled",
          subject: { id: disabled.id, label: disabled.url },
          before: { enabled: true },
          after: { enabled: false, disabledReason: reason },
        });
      }
    }
  });
  return verdict;
}
