import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { outbox, settings } from "@/db/schema";
import { getMessageSettings, getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { enqueueTemplateMessages } from "./enqueue";

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await getSettings(db);
});
afterAll(async () => handle?.close());

/** Queues the status's email to the customer and to the team under a new key, as a second change into the same status would. */
async function queueAgain(wf: Awaited<ReturnType<typeof createRetailWorkflow>>, order: Awaited<ReturnType<typeof createTestOrder>>, key: string) {
  return db.transaction(async (tx) =>
    enqueueTemplateMessages(tx, {
      order,
      status: wf.status.shipped,
      settings: await getMessageSettings(tx),
      eventId: 1,
      keyPrefix: key,
      recipients: [
        { kind: "email", audience: "customer", address: order.customerEmail! },
        { kind: "email", audience: "admin", address: "ops@example.com" },
      ],
    }),
  );
}

describe("the same message to the same customer", () => {
  it("is recorded as skipped within the window, naming the message it repeats; the team's alert still goes", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await queueAgain(wf, order, `first-${wf.suffix}`);
    await queueAgain(wf, order, `second-${wf.suffix}`);
    const rows = await db.select().from(outbox).where(eq(outbox.orderId, order.id)).orderBy(outbox.id);
    const customer = rows.filter((r) => r.recipient === order.customerEmail && (r.payload.template as { statusId: number }).statusId === wf.status.shipped.id);
    expect(customer.map((r) => r.state)).toEqual(["pending", "skipped"]);
    expect(customer[1]!.lastError).toBe(`duplicate_of:${customer[0]!.id}`);
    expect(rows.filter((r) => r.recipient === "ops@example.com").map((r) => r.state)).toEqual(["pending", "pending"]);
  });

  it("goes again with the window off, or when the earlier one was cancelled", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await queueAgain(wf, order, `a-${wf.suffix}`);
    await db.update(outbox).set({ state: "cancelled" }).where(eq(outbox.orderId, order.id));
    await queueAgain(wf, order, `b-${wf.suffix}`);
    await db.update(settings).set({ duplicateWindowHours: 0 });
    try {
      await queueAgain(wf, order, `c-${wf.suffix}`);
    } finally {
      await db.update(settings).set({ duplicateWindowHours: 24 });
    }
    const customer = (await db.select().from(outbox).where(eq(outbox.recipient, order.customerEmail!)).orderBy(outbox.id)).filter(
      (r) => r.orderId === order.id && (r.payload.template as { statusId: number }).statusId === wf.status.shipped.id,
    );
    expect(customer.map((r) => r.state)).toEqual(["cancelled", "pending", "pending"]);
  });
});
