import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { messageTemplates, outbox } from "@/db/schema";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { mailboxEmailProvider, mailboxSmsProvider } from "./providers/mailbox";
import { resolveTemplate, saveTemplate } from "./templates";
import { deliverDueMessages } from "./worker";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

describe("saveTemplate", () => {
  it("refuses an unknown variable, suggests the right one, and writes nothing", async () => {
    const wf = await createRetailWorkflow(handle.db);
    const result = await saveTemplate(handle.db, {
      statusId: wf.status.shipped.id,
      channel: "email",
      audience: "customer",
      locale: "pl",
      subject: "Paczka {{orderNumbr}}",
      body: "Numer: {{trackingNumber}}",
    }, SYSTEM_AUDIT_ACTOR);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { subject: ["Unknown variable {{orderNumbr}}: did you mean {{orderNumber}}?"] } },
    });
    const rows = await handle.db.select().from(messageTemplates).where(eq(messageTemplates.statusId, wf.status.shipped.id));
    expect(rows).toEqual([]);
  });

  it("reports every field's problems at once", async () => {
    const wf = await createRetailWorkflow(handle.db);
    const result = await saveTemplate(handle.db, { statusId: wf.status.shipped.id, channel: "email", audience: "customer", locale: "pl", subject: "", body: " " }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["body", "subject"]);
  });

  it("saves, then replaces, one template per status, channel, audience and language", async () => {
    const wf = await createRetailWorkflow(handle.db);
    const key = { statusId: wf.status.shipped.id, channel: "sms" as const, audience: "customer" as const, locale: "pl" as const };
    expect((await saveTemplate(handle.db, { ...key, subject: "", body: "Wyslane: {{trackingNumber}}" }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect((await saveTemplate(handle.db, { ...key, subject: "", body: "Paczka {{orderNumber}} w drodze" }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const rows = await handle.db.select().from(messageTemplates).where(eq(messageTemplates.statusId, key.statusId));
    expect(rows.map((r) => r.body)).toEqual(["Paczka {{orderNumber}} w drodze"]);
  });
});

describe("resolveTemplate", () => {
  it("prefers the order's language, then the shop's, then any, then the built-in text", async () => {
    const wf = await createRetailWorkflow(handle.db);
    const key = { statusId: wf.status.shipped.id, channel: "email" as const, audience: "customer" as const };
    expect((await resolveTemplate(handle.db, { ...key, locale: "en" }, "pl")).subject).toBe("Order {{orderNumber}}: {{statusLabel}}");
    await saveTemplate(handle.db, { ...key, locale: "pl", subject: "PL {{orderNumber}}", body: "pl" }, SYSTEM_AUDIT_ACTOR);
    expect((await resolveTemplate(handle.db, { ...key, locale: "en" }, "pl")).subject).toBe("PL {{orderNumber}}");
    await saveTemplate(handle.db, { ...key, locale: "en", subject: "EN {{orderNumber}}", body: "en" }, SYSTEM_AUDIT_ACTOR);
    expect((await resolveTemplate(handle.db, { ...key, locale: "en" }, "pl")).subject).toBe("EN {{orderNumber}}");
  });
});

it("the worker delivers with the status's own template", async () => {
  const wf = await createRetailWorkflow(handle.db);
  await saveTemplate(handle.db, {
    statusId: wf.status.awaiting_payment.id,
    channel: "email",
    audience: "customer",
    locale: "pl",
    subject: "Czekamy na wpłatę za {{orderNumber}}",
    body: "Prosimy o przelew {{amountDue}}.",
  }, SYSTEM_AUDIT_ACTOR);
  const order = await createTestOrder(handle.db, wf.type.code);
  const moved = await transitionOrder(handle.db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: { type: "system", label: "t" } });
  expect(moved.ok).toBe(true);
  await deliverDueMessages(handle.db, { email: mailboxEmailProvider, sms: mailboxSmsProvider, batchSize: 100 });
  const rows = await handle.db.select().from(outbox).where(eq(outbox.eventId, moved.ok ? moved.value.event.id : -1));
  const email = rows.find((r) => r.kind === "email");
  expect(email?.renderedSubject).toBe(`Czekamy na wpłatę za ${order.number}`);
  expect(email?.renderedBody).toContain("Prosimy o przelew 50,00");
});
