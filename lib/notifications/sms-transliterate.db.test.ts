import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { outbox, settings } from "@/db/schema";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import type { SmsProvider } from "./providers/types";
import { saveTemplate } from "./templates";
import { deliverDueMessages } from "./worker";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

const POLISH = "Zamówienie {{orderNumber}} czeka na wpłatę. Dziękujemy! ŻÓŁĆ";

/**
 * Queues one SMS (an order moved to "awaiting payment", whose SMS template says `POLISH`), with
 * the shop's setting and the template's own choice as given, and answers the text the gateway got.
 */
async function sentText(shop: boolean, template: boolean | null): Promise<{ texted: string; recorded: string | null; number: string }> {
  await db.update(settings).set({ smsTransliterate: shop });
  const wf = await createRetailWorkflow(db);
  for (const locale of ["pl", "en"] as const) {
    const saved = await saveTemplate(db, { statusId: wf.status.awaiting_payment.id, channel: "sms", audience: "customer", locale, subject: "", body: POLISH, smsTransliterate: template }, SYSTEM_AUDIT_ACTOR);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  const order = await createTestOrder(db, wf.type.code);
  const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: { type: "system", label: "Test" } });
  if (!moved.ok) throw new Error(moved.error.message);
  const texts: string[] = [];
  const sms: SmsProvider = { name: "spy", sendSms: async (m) => (texts.push(m.text), { ok: true, providerMessageId: `p-${texts.length}` }) };
  const email = { name: "none", sendEmail: async () => ({ ok: true as const, providerMessageId: "e" }) };
  await deliverDueMessages(db, { sms, email, batchSize: 100 });
  const [row] = await db.select().from(outbox).where(and(eq(outbox.orderId, order.id), eq(outbox.kind, "sms"), eq(outbox.eventId, moved.value.event.id)));
  expect(row?.state).toBe("sent");
  expect(texts).toHaveLength(1);
  return { texted: texts[0]!, recorded: row!.renderedBody, number: order.number };
}

describe("SMS without Polish letters at delivery", () => {
  it("sends the text untouched when neither the shop nor the template asks for plain letters", async () => {
    const { texted, recorded, number } = await sentText(false, null);
    expect(texted).toBe(`Zamówienie ${number} czeka na wpłatę. Dziękujemy! ŻÓŁĆ`);
    expect(recorded).toBe(texted);
  });

  it("replaces Polish letters when the shop's setting says so and the template follows it", async () => {
    const { texted, recorded, number } = await sentText(true, null);
    expect(texted).toBe(`Zamowienie ${number} czeka na wplate. Dziekujemy! ZOLC`);
    // The mailbox shows what the customer got.
    expect(recorded).toBe(texted);
  });

  it("lets a template keep Polish letters against the shop's setting", async () => {
    expect((await sentText(true, false)).texted).toContain("Zamówienie");
  });

  it("lets a template replace Polish letters though the shop keeps them", async () => {
    expect((await sentText(false, true)).texted).toContain("wplate");
  });
});
