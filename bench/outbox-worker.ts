import { sql } from "drizzle-orm";
import { openPglite } from "@/db";
import { outbox } from "@/db/schema";
import { createResendProvider } from "@/lib/notifications/providers/resend";
import { mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { deliverDueMessages } from "@/lib/notifications/worker";
import { FakeResend } from "@/tests/support/fake-resend";

/**
 * How fast the outbox worker delivers email to a local fake Resend, beside the baseline of the
 * same HTTP posts made directly with the Resend client (no database, no rendering), in one run.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 500);

async function queueMessages(db: Awaited<ReturnType<typeof openPglite>>["db"], count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({
    kind: "email" as const,
    recipient: `customer${i}@example.com`,
    idempotencyKey: `bench:${Date.now()}:${i}`,
    payload: {
      template: { channel: "email", audience: "customer" },
      locale: "pl",
      variables: { orderNumber: `ORD-${i}`, customerFirstName: "Anna", statusLabel: "Wysłane", shopName: "Sklep Demo" },
    },
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(outbox).values(rows.slice(i, i + 500));
}

export async function benchOutboxWorker(): Promise<void> {
  const fake = await new FakeResend().start();
  const handle = await openPglite();
  await handle.migrate();
  try {
    const email = createResendProvider({ apiKey: "re_bench", baseUrl: fake.url });

    const baselineStart = performance.now();
    for (let i = 0; i < MESSAGES; i++) {
      await email.sendEmail({ to: `b${i}@example.com`, from: "shop@example.com", subject: "s", html: "<p>h</p>", text: "t", idempotencyKey: `baseline:${i}` });
    }
    const baselineSeconds = (performance.now() - baselineStart) / 1000;

    await queueMessages(handle.db, MESSAGES);
    const start = performance.now();
    let sent = 0;
    while (sent < MESSAGES) {
      const tally = await deliverDueMessages(handle.db, { email, sms: mailboxSmsProvider, batchSize: 50 });
      if (tally.claimed === 0) break;
      sent += tally.sent;
    }
    const seconds = (performance.now() - start) / 1000;
    const [left] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(sql`state <> 'sent'`);

    const workerRate = sent / seconds;
    const baselineRate = MESSAGES / baselineSeconds;
    console.log(`outbox worker → fake Resend (PGlite, ${MESSAGES} emails, one worker)`);
    console.log(`  worker:   ${workerRate.toFixed(0)} messages/s (claim, render with React Email, send, record)`);
    console.log(`  baseline: ${baselineRate.toFixed(0)} messages/s (the same posts straight from the Resend client)`);
    console.log(`  ratio:    ${(baselineRate / workerRate).toFixed(2)}× slower than bare HTTP; not delivered: ${left?.n ?? "?"}`);
  } finally {
    await handle.close();
    await fake.stop();
  }
}

if (process.argv[1]?.endsWith("outbox-worker.ts")) {
  benchOutboxWorker().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
