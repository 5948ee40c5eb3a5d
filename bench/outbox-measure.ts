import { eq, like } from "drizzle-orm";
import type { Db } from "@/db";
import { orders, outbox, statuses } from "@/db/schema";
import { mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { createResendProvider, RESEND_MAX_BATCH } from "@/lib/notifications/providers/resend";
import type { EmailProvider } from "@/lib/notifications/providers/types";
import { snapshotVariables } from "@/lib/notifications/variables";
import { deliverDueMessages } from "@/lib/notifications/worker";
import { getSettings } from "@/lib/settings";
import { FakeResend } from "@/tests/support/fake-resend";
import { figure, median } from "./measure";
import type { BenchFigure } from "./types";

/**
 * Emails per second one outbox worker delivers to a local fake Resend (claim, resolve the
 * template, render with React Email, take the provider's turn, send, record), beside the rate at
 * which the same fake server takes bare POSTs of an email of the same size, one after another
 * from one client: the provider's raw rate for emails sent one by one. The worker runs as
 * configured for production (ADR 0156: batches of 100 under the batch's idempotency key, 8 sends
 * in flight, turns taken in the database for every request), and once more with one email a
 * request (batches off, 8 in flight), except for the rate limit: with
 * Resend's default of 2 requests a second the figure would be the limit's (200 emails a second
 * in batches), not the worker's, so the fake is given `REQUESTS_PER_SECOND`, far above what
 * either side reaches.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300);
const ROUNDS = 5;
const KEY_PREFIX = "bench-outbox:";
const REQUESTS_PER_SECOND = 10_000;
const WORKER = { batchSize: 100, concurrency: 8 };

/** `count` customer emails for a shipped retail order, as a status change would queue them. */
async function queueMessages(db: Db, round: number, count: number): Promise<void> {
  const [row] = await db
    .select({ order: orders, status: statuses })
    .from(orders)
    .innerJoin(statuses, eq(orders.statusId, statuses.id))
    .where(eq(statuses.code, "shipped"))
    .limit(1);
  if (!row) throw new Error("no shipped order in the demo shop");
  const settings = await getSettings(db);
  const variables = snapshotVariables({ order: row.order, status: row.status, settings });
  const rows = Array.from({ length: count }, (_, i) => ({
    kind: "email" as const,
    recipient: `customer${i}@example.com`,
    idempotencyKey: `${KEY_PREFIX}${Date.now()}:${round}:${i}`,
    payload: { template: { statusId: row.status.id, channel: "email", audience: "customer" }, locale: row.order.locale, variables },
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(outbox).values(rows.slice(i, i + 500));
}

/** The outbox's figures, measured on `db` (the benchmark database) in this process. */
export async function measureOutbox(db: Db): Promise<BenchFigure[]> {
  const fake = await new FakeResend().start();
  const provider = (batchSize: number) =>
    createResendProvider({ apiKey: "re_bench", baseUrl: fake.url, requestsPerSecond: REQUESTS_PER_SECOND, batchSize });
  let round = 0;
  let sampleBody = "";
  try {
    const worker = (email: EmailProvider) => async () => {
      await queueMessages(db, round++, MESSAGES);
      // Queuing is the status change's cost, not the worker's: only the draining is timed.
      const start = performance.now();
      let sent = 0;
      for (;;) {
        const tally = await deliverDueMessages(db, { email, sms: mailboxSmsProvider, ...WORKER });
        if (tally.claimed === 0) break;
        sent += tally.sent;
      }
      const ms = performance.now() - start;
      if (sent < MESSAGES) throw new Error(`only ${sent} of ${MESSAGES} emails were delivered`);
      return (sent / ms) * 1000;
    };
    const rawPosts = async () => {
      const start = performance.now();
      for (let i = 0; i < MESSAGES; i++) {
        const response = await fetch(`${fake.url}/emails`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer re_bench", "idempotency-key": `raw:${round}:${i}` },
          body: JSON.stringify({ from: "shop@example.com", to: [`b${i}@example.com`], subject: "Your order", html: sampleBody, text: "t" }),
        });
        await response.arrayBuffer();
      }
      return (MESSAGES / (performance.now() - start)) * 1000;
    };
    const variants = { batches: worker(provider(RESEND_MAX_BATCH)), alone: worker(provider(1)), raw: rawPosts };
    // The bare posts carry an email as big as the worker's, so both move the same bytes.
    await variants.alone();
    sampleBody = [...fake.deliveries.values()][0]?.html ?? "";
    // Each takes its turn first in some round (the first of a round sometimes pays for the others' leftovers);
    // the rates are measured inside each run (the worker's excludes queuing).
    const names = Object.keys(variants) as (keyof typeof variants)[];
    const rates = { batches: [] as number[], alone: [] as number[], raw: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) rates[name].push(await variants[name]());
    }
    return [
      figure("outbox (email to fake Resend)", "messages/s", median(rates.batches), median(rates.raw)),
      figure("outbox, one email a request", "messages/s", median(rates.alone), median(rates.raw)),
    ];
  } finally {
    await db.delete(outbox).where(like(outbox.idempotencyKey, `${KEY_PREFIX}%`));
    await fake.stop();
  }
}
