import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { messageTemplates, outbox, statuses } from "@/db/schema";
import { renderEmail } from "@/lib/notifications/render";
import { mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import type { EmailMessage, EmailProvider } from "@/lib/notifications/providers/types";
import { resolveTemplate, saveTemplate } from "@/lib/notifications/templates";
import { snapshotVariables } from "@/lib/notifications/variables";
import { deliverClaimed } from "@/lib/notifications/worker";
import { createOrder, recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { getSettings } from "@/lib/settings";
import { openTestDb } from "@/tests/support/test-db";
import { applyPreset } from "./apply-preset";
import { DEMO_SETTINGS, seedDemo } from "./demo";
import { PRESET_CUSTOMER_EMAILS } from "./preset-emails";
import { marketplacePreset, retailPreset, wholesalePreset } from "./presets";

let h: DbHandle;
let db: Db;
const actor = { type: "system" as const, label: "Test" };
const admin = { type: "user" as const, id: "1", label: "Admin" };

beforeAll(async () => {
  h = await openTestDb();
  db = h.db;
  // The demo shop, without its orders: settings, the retail and wholesale presets, the accounts.
  await seedDemo(db, { orders: 0 });
});
afterAll(async () => h?.close());

const idOf = async (code: string) => (await db.select({ id: statuses.id }).from(statuses).where(eq(statuses.code, code)))[0]!.id;
const customerEmailsOf = async (statusId: number) =>
  db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.statusId, statusId), eq(messageTemplates.channel, "email"), eq(messageTemplates.audience, "customer")));

let numbers = 0;
async function order(orderTypeCode: string, extra: { paymentMethod?: "transfer" | "card"; locale?: "pl" | "en" } = {}) {
  const created = await createOrder(db, {
    number: `PE-${++numbers}`,
    orderTypeCode,
    channel: "shop",
    customer: { name: "Ewa Testowa", email: `ewa${numbers}@example.com` },
    items: [{ sku: "MUG", name: "Kubek", quantity: 2, unitPrice: 4_999, vatRate: 23 }],
    paymentMethod: extra.paymentMethod ?? "transfer",
    locale: extra.locale,
    actor,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Delivers the customer email queued by one history event, as the worker does, and returns it. */
async function deliverEmailOf(eventId: number): Promise<EmailMessage> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.eventId, eventId), eq(outbox.kind, "email")));
  expect(row).toBeDefined();
  const sent: EmailMessage[] = [];
  const email: EmailProvider = { name: "capture", sendEmail: async (m) => (sent.push(m), { ok: true, providerMessageId: `m${eventId}` }) };
  const [claimed] = await db.update(outbox).set({ state: "sending", attempts: 1 }).where(eq(outbox.id, row!.id)).returning();
  expect(await deliverClaimed(db, claimed!, { email, sms: mailboxSmsProvider })).toBe("sent");
  return sent[0]!;
}

describe("applyPreset and the customer emails", () => {
  it("stores both languages for every status a customer sees, and none for hidden ones", async () => {
    for (const preset of [retailPreset, wholesalePreset]) {
      for (const status of preset.statuses) {
        const rows = await customerEmailsOf(await idOf(status.code));
        if (!status.customerLabel) {
          expect(rows, status.code).toEqual([]);
          continue;
        }
        expect(rows.map((r) => r.locale).sort(), status.code).toEqual(["en", "pl"]);
        expect(rows.find((r) => r.locale === "pl")).toMatchObject(PRESET_CUSTOMER_EMAILS[status.code]!.pl);
      }
    }
    await applyPreset(db, { preset: marketplacePreset, locale: "en", orderType: { code: "marketplace", name: "Marketplace" } });
    expect(await customerEmailsOf(await idOf("courier_inpost"))).toEqual([]);
    expect((await customerEmailsOf(await idOf("returned"))).length).toBe(2);
  });

  it("never overwrites, nor adds beside, an email the shop wrote", async () => {
    const shipped = await idOf("shipped");
    const saved = await saveTemplate(
      db,
      { statusId: shipped, channel: "email", audience: "customer", locale: "pl", subject: "Paczka {{orderNumber}} jedzie", body: "Nasz własny tekst." },
      admin,
    );
    expect(saved.ok).toBe(true);
    // A status whose only email is the shop's Polish one gets no English one from the preset.
    const packing = await idOf("packing");
    await db.delete(messageTemplates).where(and(eq(messageTemplates.statusId, packing), eq(messageTemplates.locale, "en")));
    await db.update(messageTemplates).set({ body: "Pakujemy, nasz tekst." }).where(eq(messageTemplates.statusId, packing));

    await seedDemo(db, { orders: 0 });
    await applyPreset(db, { preset: marketplacePreset, locale: "en", orderType: { code: "marketplace", name: "Marketplace" } });

    const shippedRows = await customerEmailsOf(shipped);
    expect(shippedRows.find((r) => r.locale === "pl")).toMatchObject({ subject: "Paczka {{orderNumber}} jedzie", body: "Nasz własny tekst." });
    expect(shippedRows.find((r) => r.locale === "en")).toMatchObject(PRESET_CUSTOMER_EMAILS.shipped!.en);
    expect((await customerEmailsOf(packing)).map((r) => [r.locale, r.body])).toEqual([["pl", "Pakujemy, nasz tekst."]]);
    // Put the preset's words back for the tests below.
    await db.update(messageTemplates).set(PRESET_CUSTOMER_EMAILS.shipped!.pl).where(and(eq(messageTemplates.statusId, shipped), eq(messageTemplates.locale, "pl")));
  });

  it("the demo shop's awaiting-payment email gives the amount, the bank account and the transfer title", async () => {
    const placed = await order("retail");
    const moved = await transitionOrder(db, { orderId: placed.id, to: { code: "awaiting_payment" }, actor });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const email = await deliverEmailOf(moved.value.event.id);
    expect(email.subject).toBe(`Zamówienie ${placed.number} czeka na wpłatę`);
    expect(email.text).toMatch(new RegExp(`Kwota: 99,98\\s?zł\\nNumer konta: ${DEMO_SETTINGS.bankAccount}\\nOdbiorca: Sklep Demo\\nTytuł przelewu: ${placed.number}\\n`));
  });

  it("a shipped order's email names the courier, the tracking number and the courier's link, in the order's language", async () => {
    const placed = await order("retail", { paymentMethod: "card", locale: "en" });
    expect((await recordPayment(db, { orderId: placed.id, amount: placed.total, actor })).ok).toBe(true);
    expect((await transitionOrder(db, { orderId: placed.id, to: { code: "in_progress" }, actor })).ok).toBe(true);
    expect((await setTracking(db, { orderId: placed.id, courier: "inpost", trackingNumber: "620011112222333344445555", actor })).ok).toBe(true);
    const moved = await transitionOrder(db, { orderId: placed.id, to: { code: "shipped" }, actor });
    if (!moved.ok) throw new Error(moved.error.message);
    const email = await deliverEmailOf(moved.value.event.id);
    expect(email.subject).toBe(`Order ${placed.number} has been shipped`);
    expect(email.text).toContain(
      "Courier: InPost\nTracking number: 620011112222333344445555\nTrack the parcel: https://inpost.pl/sledzenie-przesylek?number=620011112222333344445555",
    );
  });

  it("every stored preset email renders with a real order that has no parcel, comment or payment yet", async () => {
    const placed = await order("wholesale");
    const settings = await getSettings(db);
    const codes = Object.keys(PRESET_CUSTOMER_EMAILS);
    const rows = await db.select().from(statuses).where(inArray(statuses.code, codes));
    expect(rows.length).toBe(codes.length);
    for (const status of rows) {
      for (const locale of ["pl", "en"] as const) {
        const template = await resolveTemplate(db, { statusId: status.id, channel: "email", audience: "customer", locale }, "pl");
        const variables = snapshotVariables({ order: { ...placed, locale }, status, settings });
        const email = await renderEmail({ template, variables, settings, locale });
        expect(email.text, `${status.code} ${locale}`).not.toMatch(/\{\{|\}\}|undefined|\n{3,}/);
        expect(email.text, `${status.code} ${locale}`).not.toMatch(/^(Przewoźnik|Numer przesyłki|Courier|Tracking number|Powód|Reason|Decyzja|Decision):/m);
        expect(email.text).toContain(placed.number);
      }
    }
  });
});
