import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { outbox, settings } from "@/db/schema";
import { mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { createResendProvider } from "@/lib/notifications/providers/resend";
import { claimDueMessages, deliverClaimed } from "@/lib/notifications/worker";
import { getSettings } from "@/lib/settings";
import { FakeResend } from "@/tests/support/fake-resend";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { issueDocument, queueDocumentEmail } from "./index";

let handle: DbHandle;
let db: Db;
let fake: FakeResend;
const staff = { type: "user" as const, id: "3", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  fake = await new FakeResend().start();
  await getSettings(db);
  await db.update(settings).set({ sellerName: "Sklep Demo", sellerTaxId: "5252248481", sellerAddress: "ul. Prosta 1, Warszawa" }).where(eq(settings.id, true));
});
afterAll(async () => {
  await fake?.stop();
  await handle?.close();
});

describe("sending a document email", () => {
  it("attaches the stored PDF through Resend, with the document named in the customer's language", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { customer: { name: "Zofia Nowak", email: "zofia@example.com" } });
    const issued = await issueDocument(db, { orderId: order.id, kind: "invoice", actor: staff });
    if (!issued.ok) throw new Error(issued.error.message);
    const queued = await queueDocumentEmail(db, { orderId: order.id, documentId: issued.value.id, actor: staff });
    if (!queued.ok) throw new Error(queued.error.message);

    // Deliver only this row: the order's own confirmation email is not what this test is about.
    await db.update(outbox).set({ nextAttemptAt: new Date(Date.now() + 3_600_000) }).where(eq(outbox.orderId, order.id));
    await db.update(outbox).set({ nextAttemptAt: new Date(0) }).where(eq(outbox.id, queued.value.outboxId));
    const [row] = (await claimDueMessages(db, { batchSize: 10, leaseMs: 60_000 })).filter((r) => r.id === queued.value.outboxId);
    const email = createResendProvider({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 2_000 });
    expect(await deliverClaimed(db, row!, { email, sms: mailboxSmsProvider })).toBe("sent");

    const delivery = [...fake.deliveries.values()].find((d) => d.to.includes("zofia@example.com"));
    expect(delivery?.subject).toBe(`Faktura ${issued.value.number} do zamówienia ${order.number}`);
    expect(delivery?.attachments).toHaveLength(1);
    const [attachment] = delivery!.attachments;
    expect(attachment!.filename).toBe(issued.value.fileName);
    expect(attachment!.content_type).toBe("application/pdf");
    expect(Buffer.from(attachment!.content, "base64").equals(Buffer.from(issued.value.pdf!))).toBe(true);
  });
});
