import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, outbox } from "@/db/schema";
import { getTrackingView } from "@/db/queries/tracking";
import { insertMessage } from "@/lib/notifications/enqueue";
import type { EmailMessage, EmailProvider } from "@/lib/notifications/providers/types";
import { mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { deliverClaimed } from "@/lib/notifications/worker";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { ORDER_LIMITS } from "./limits";
import { addOrderNote } from "./notes";

// The real statement, with a way to make one insert fail: a note and its email are one write.
vi.mock("@/lib/notifications/enqueue", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/notifications/enqueue")>();
  return { ...real, insertMessage: vi.fn(real.insertMessage) };
});

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

const notesOf = (orderId: number) =>
  db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "comment")));
const emailsOf = (orderId: number) => db.select().from(outbox).where(eq(outbox.orderId, orderId));

async function freshOrder(overrides: Parameters<typeof createTestOrder>[2] = {}) {
  const wf = await createRetailWorkflow(db);
  const order = await createTestOrder(db, wf.type.code, overrides);
  // The order's own confirmation (its first status notifies) is not a note's email.
  await db.delete(outbox).where(eq(outbox.orderId, order.id));
  return order;
}

describe("addOrderNote", () => {
  it("records an internal note under its author, changes no status or version, and queues nothing", async () => {
    const order = await freshOrder();
    const result = await addOrderNote(db, { orderId: order.id, text: "  Klient prosi o telefon przed wysyłką  ", actor: staff });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.emailQueued).toBe(false);
    const [note] = await notesOf(order.id);
    expect(note).toMatchObject({
      comment: "Klient prosi o telefon przed wysyłką",
      customerVisible: false,
      actorType: "user",
      actorId: "7",
      actorLabel: "Stan Staff",
      data: { note: true },
    });
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored).toMatchObject({ statusId: order.statusId, version: order.version });
    // The cached tracking page is keyed by updated_at: a note moves it.
    expect(stored!.updatedAt.getTime()).toBeGreaterThan(order.updatedAt.getTime());
    expect(await emailsOf(order.id)).toHaveLength(0);
  });

  it("a visible note is not emailed unless asked", async () => {
    const order = await freshOrder();
    const result = await addOrderNote(db, { orderId: order.id, text: "Dosyłamy brakujący kubek.", customerVisible: true, actor: staff });
    expect(result.ok && result.value.emailQueued).toBe(false);
    expect((await notesOf(order.id))[0]?.customerVisible).toBe(true);
    expect(await emailsOf(order.id)).toHaveLength(0);
  });

  it("a visible note asked to be emailed queues one email in the order's language, keyed by its event, that renders the note", async () => {
    const order = await freshOrder({ locale: "en", customer: { name: "Jan <b>Nowak</b>", email: "jan@example.com" } });
    const result = await addOrderNote(db, {
      orderId: order.id,
      text: "The blue mug is back in stock <script>x</script>; we send it tomorrow.",
      customerVisible: true,
      emailCustomer: true,
      actor: staff,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.emailQueued).toBe(true);
    const rows = await emailsOf(order.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      kind: "email",
      recipient: "jan@example.com",
      eventId: result.value.event.id,
      state: "pending",
      idempotencyKey: `event:${result.value.event.id}:email:customer:jan@example.com`,
      payload: { template: { channel: "email", audience: "customer", note: true }, locale: "en" },
    });

    // The worker words it with the note's own template, not a status's.
    const sent: EmailMessage[] = [];
    const email: EmailProvider = { name: "capture", sendEmail: async (m) => (sent.push(m), { ok: true, providerMessageId: "m1" }) };
    const [claimed] = await db.update(outbox).set({ state: "sending", attempts: 1 }).where(eq(outbox.id, row!.id)).returning();
    expect(await deliverClaimed(db, claimed!, { email, sms: mailboxSmsProvider })).toBe("sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`A message about your order ${order.number}`);
    expect(sent[0]!.text).toContain("Hello Jan,");
    expect(sent[0]!.text).toContain("The blue mug is back in stock <script>x</script>; we send it tomorrow.");
    expect(sent[0]!.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(sent[0]!.html).not.toContain("<script>x");
  });

  it("Polish orders get the note in Polish", async () => {
    const order = await freshOrder();
    const result = await addOrderNote(db, { orderId: order.id, text: "Paczka wyjdzie jutro.", customerVisible: true, emailCustomer: true, actor: staff });
    expect(result.ok).toBe(true);
    const [row] = await emailsOf(order.id);
    const sent: EmailMessage[] = [];
    const email: EmailProvider = { name: "capture", sendEmail: async (m) => (sent.push(m), { ok: true, providerMessageId: "m2" }) };
    const [claimed] = await db.update(outbox).set({ state: "sending", attempts: 1 }).where(eq(outbox.id, row!.id)).returning();
    await deliverClaimed(db, claimed!, { email, sms: mailboxSmsProvider });
    expect(sent[0]!.subject).toBe(`Wiadomość w sprawie zamówienia ${order.number}`);
    expect(sent[0]!.text).toMatch(/^Dzień dobry Anna,\n\nPaczka wyjdzie jutro\.\n\nPozdrawiamy,/);
  });

  it("refuses to email a note for an order without an email address, writing nothing", async () => {
    const order = await freshOrder({ customer: { name: "Bez Maila" } });
    const result = await addOrderNote(db, { orderId: order.id, text: "Zadzwonić", customerVisible: true, emailCustomer: true, actor: staff });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_failed");
    expect(result.error.fieldErrors).toHaveProperty("emailCustomer");
    expect(await notesOf(order.id)).toHaveLength(0);
    expect(await emailsOf(order.id)).toHaveLength(0);
  });

  it("refuses bad input: empty, too long, emailing an internal note, an unknown order", async () => {
    const order = await freshOrder();
    const refusals = await Promise.all([
      addOrderNote(db, { orderId: order.id, text: "   ", actor: staff }),
      addOrderNote(db, { orderId: order.id, text: "x".repeat(ORDER_LIMITS.comment + 1), actor: staff }),
      addOrderNote(db, { orderId: order.id, text: "Wewnętrzna", customerVisible: false, emailCustomer: true, actor: staff }),
    ]);
    expect(refusals.map((r) => !r.ok && r.error.code)).toEqual(["validation_failed", "validation_failed", "validation_failed"]);
    expect(refusals.map((r) => (r.ok ? [] : Object.keys(r.error.fieldErrors ?? {})))).toEqual([["text"], ["text"], ["emailCustomer"]]);
    const missing = await addOrderNote(db, { orderId: 999_999_999, text: "?", actor: staff });
    expect(!missing.ok && missing.error.code).toBe("not_found");
    expect(await notesOf(order.id)).toHaveLength(0);
    expect(await emailsOf(order.id)).toHaveLength(0);
  });

  it("leaves nothing half-written: when its email cannot be queued, the note is not recorded either", async () => {
    const order = await freshOrder();
    const [before] = await db.select().from(orders).where(eq(orders.id, order.id));
    vi.mocked(insertMessage).mockRejectedValueOnce(new Error("outbox unavailable"));
    await expect(
      addOrderNote(db, { orderId: order.id, text: "Wysyłamy jutro", customerVisible: true, emailCustomer: true, actor: staff }),
    ).rejects.toThrow("outbox unavailable");
    expect(await notesOf(order.id)).toHaveLength(0);
    expect(await emailsOf(order.id)).toHaveLength(0);
    const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(after!.updatedAt.getTime()).toBe(before!.updatedAt.getTime());
  });

  it("the tracking page shows a visible note, never an internal one", async () => {
    const order = await freshOrder();
    await addOrderNote(db, { orderId: order.id, text: "Notatka dla klienta: kubek dosyłamy osobno.", customerVisible: true, actor: staff });
    await addOrderNote(db, { orderId: order.id, text: "Tylko dla zespołu: klient marudzi.", actor: staff });
    const found = await getTrackingView({ db, token: order.trackingToken });
    expect(found).toBeDefined();
    const comments = found!.view.timeline.map((t) => t.comment);
    expect(comments).toContain("Notatka dla klienta: kubek dosyłamy osobno.");
    expect(JSON.stringify(found!.view)).not.toContain("Tylko dla zespołu");
  });
});
