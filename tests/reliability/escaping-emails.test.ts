import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, settings, statuses } from "@/db/schema";
import { createOrder, transitionOrder } from "@/lib/orders";
import { mailboxEmailProvider, mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { saveTemplate } from "@/lib/notifications/templates";
import { deliverDueMessages } from "@/lib/notifications/worker";
import { getSettings, updateSettings } from "@/lib/settings";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { createLoopingWorkflow } from "./support/workflow";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

/** One payload per field a person types, each marked so a leak names its field. */
const payload = (field: string) => `<img src=x onerror="alert('${field}')"><script>alert('${field}')</script>`;
const escaped = (field: string) => `&lt;img src=x onerror=&quot;alert(&#x27;${field}&#x27;)&quot;&gt;`;
/** The same for fields of 30 characters (a phone number). */
const shortPayload = (field: string) => `<svg onload=alert('${field}')>`;
const shortEscaped = (field: string) => `&lt;svg onload=alert(&#x27;${field}&#x27;)&gt;`;

let database: ScratchDatabase;
beforeAll(async () => {
  database = await openScratchDatabase({ max: 4 });
});
afterAll(async () => database?.close());

describe("escaping in rendered emails: markup in every typed field reaches the customer as text", () => {
  it("customer name, items, courier, payment method, comment, status label, template subject and body, shop name, phone and bank account", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    await db.update(statuses).set({ customerLabel: payload("status label") }).where(eq(statuses.id, wf.status.awaiting.id));
    const current = await getSettings(db);
    const saved = await updateSettings(db, {
      shopName: payload("shop name").slice(0, 100),
      defaultLocale: "en",
      brandColour: "#1d4ed8",
      supportEmail: "",
      supportPhone: "+48 22 100 20 30",
      senderEmail: "",
      bankAccount: payload("bank").slice(0, 64),
      appUrl: "https://shop.example.com",
      smsPriceDomestic: current.smsPriceDomestic,
      smsPriceForeign: current.smsPriceForeign,
      courierTrackingLinks: {},
      logoDataUrl: null,
      // The email is sent at once below: a person's change is otherwise held for undo first.
      messageHoldSeconds: 0,
    }, SYSTEM_AUDIT_ACTOR);
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    // The form refuses a phone that is not a number; a shop phone stored before that was checked
    // may still hold markup, and must still reach the customer as text.
    await db.update(settings).set({ supportPhone: shortPayload("tel") });
    const template = await saveTemplate(db, {
      statusId: wf.status.awaiting.id,
      channel: "email",
      audience: "customer",
      locale: "en",
      subject: `${payload("subject")} {{orderNumber}}`,
      body: `${payload("template body")}\nHello {{customerFirstName}}, {{statusLabel}}: {{comment}}\n{{items}}\n{{courier}}\n{{paymentMethod}}\n{{bankAccount}}\n{{shopName}} {{shopPhone}}`,
    }, SYSTEM_AUDIT_ACTOR);
    expect(template.ok, JSON.stringify(template)).toBe(true);

    const created = await createOrder(db, {
      orderTypeCode: wf.type.code,
      channel: "shop",
      locale: "en",
      customer: { name: payload("name"), email: "victim@example.com" },
      items: [{ sku: "X", name: payload("item"), quantity: 1, unitPrice: 1000, vatRate: 23 }],
      paymentMethod: payload("pay").slice(0, 50),
      courier: payload("courier").slice(0, 50),
      actor: { type: "system", label: "Reliability" },
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const moved = await transitionOrder(db, {
      orderId: created.value.id,
      to: { id: wf.status.awaiting.id },
      actor: { type: "user", id: "1", label: "Staff" },
      comment: payload("comment"),
      customerVisible: true,
    });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);

    await deliverDueMessages(db, { email: mailboxEmailProvider, sms: mailboxSmsProvider });
    const [email] = await db.select().from(outbox).where(eq(outbox.kind, "email"));
    expect(email?.state).toBe("sent");
    const html = email!.renderedBody!;
    // Escaped text never contains "<", so every "<" opens a real tag: none of them may be a
    // payload's element or carry an event handler...
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /^<\/?(script|img)\b/i.test(tag) || /\son\w+\s*=/i.test(tag))).toEqual([]);
    // ...and each field's text is there, escaped, so the check above is not passing on an empty email.
    for (const field of ["item", "courier", "pay", "comment", "status label", "template body", "bank", "shop name"]) {
      expect(html, `${field} shown as text`).toContain(escaped(field));
    }
    // The shop's phone twice: in the body ({{shopPhone}}) and in the footer under every email.
    expect(html.split(shortEscaped("tel")), "phone shown as text in the body and the footer").toHaveLength(3);
    expect(html, "the customer's first name, as text").toContain("Hello &lt;img,");
    expect(email!.renderedSubject).toContain(payload("subject"));
  });
});
