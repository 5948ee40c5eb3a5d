import { eq, like } from "drizzle-orm";
import type { Db } from "@/db";
import { orders, outbox, statuses } from "@/db/schema";
import { mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { createResendProvider } from "@/lib/notifications/providers/resend";
import { snapshotVariables } from "@/lib/notifications/variables";
import { deliverDueMessages } from "@/lib/notifications/worker";
import { getSettings } from "@/lib/settings";
import { FakeResend } from "@/tests/support/fake-resend";
import { alternate, figure, median } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * Emails per second one outbox worker delivers to a local fake Resend (claim, resolve the
 * template, render with React Email, send with the idempotency key, record), beside the rate at
 * which the same fake server takes bare POSTs of a message of the same size from one client.
 * The gap is everything the worker does besides the HTTP request.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300);
const ROUNDS = 3;
const KEY_PREFIX = "bench-outbox:";

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

export const outboxScenario: Scenario = {
  name: "outbox",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const fake = await new FakeResend().start();
    const email = createResendProvider({ apiKey: "re_bench", baseUrl: fake.url });
    let round = 0;
    let sampleBody = "";
    try {
      const worker = async () => {
        await queueMessages(context.db, round++, MESSAGES);
        // Queuing is the status change's cost, not the worker's: only the draining is timed.
        const start = performance.now();
        let sent = 0;
        for (;;) {
          const tally = await deliverDueMessages(context.db, { email, sms: mailboxSmsProvider, batchSize: 50 });
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
      // The bare posts carry an email as big as the worker's, so both move the same bytes.
      await worker();
      sampleBody = [...fake.deliveries.values()][0]?.html ?? "";
      // The rates are measured inside each run (the worker's excludes queuing), not by `alternate`.
      const rates: [number[], number[]] = [[], []];
      await alternate([async () => rates[0].push(await worker()), async () => rates[1].push(await rawPosts())], { warmUp: 0, rounds: ROUNDS });
      return [figure("outbox (email to fake Resend)", "messages/s", median(rates[0]), median(rates[1]))];
    } finally {
      await context.db.delete(outbox).where(like(outbox.idempotencyKey, `${KEY_PREFIX}%`));
      await fake.stop();
    }
  },
};
