import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, outbox } from "@/db/schema";
import { env } from "@/lib/env";
import { claimDueMessages } from "@/lib/notifications/worker";
import { transitionOrder } from "@/lib/orders";
import { undoStatusChange } from "@/lib/orders/undo";
import { getSettings } from "@/lib/settings";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { seededRandom, Tally } from "./support/load";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;
const ROUNDS = 60;
const person = { type: "user" as const, id: "1", label: "Stan" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: ScratchDatabase;
beforeAll(async () => {
  database = await openScratchDatabase({ max: 8 });
});
afterAll(async () => database?.close());

describe(`undo racing the end of the hold, on a real server (${ROUNDS} rounds, seed ${SEED})`, () => {
  it("either cancels every held message and moves the order back, or leaves the change and its messages to the worker: never both", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    await getSettings(db);
    const random = seededRandom(SEED);
    const tally = new Tally();
    for (let round = 0; round < ROUNDS; round++) {
      const order = await placeOrder(db, wf, { customer: { name: "Race", email: `race-${round}@example.com`, phone: "+48600100200" } });
      const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting.id }, actor: person });
      if (!moved.ok) throw new Error(moved.error.message);
      const eventId = moved.value.event.id;
      // The hold ends now, at the moment the person presses Undo and the worker looks for work.
      await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.eventId, eventId));
      const [undo, claimed] = await Promise.all([
        sleep(random() * 4).then(() => undoStatusChange(db, { eventId, actor: person, mayUndoOthers: false })),
        sleep(random() * 12).then(() => claimDueMessages(db, { batchSize: 100, leaseMs: 60_000 })),
      ]);
      const messages = await db.select().from(outbox).where(eq(outbox.eventId, eventId));
      const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
      const claimedHere = claimed.filter((m) => m.eventId === eventId);
      expect(messages.length, `round ${round}: the change held its email`).toBe(1);
      if (undo.ok) {
        expect(messages.map((m) => m.state), `round ${round}: undone, so nothing may go out`).toEqual(["cancelled"]);
        expect(claimedHere, `round ${round}: the worker took a message of an undone change`).toEqual([]);
        expect(after?.statusId).toBe(wf.status.new.id);
        tally.add("undone, messages cancelled");
      } else {
        expect(undo.error.code === "undo_refused" && undo.error.details?.reason, `round ${round}: ${undo.error.message}`).toBe("already_sent");
        expect(messages.some((m) => m.state === "cancelled"), `round ${round}: refused, yet a message was cancelled`).toBe(false);
        expect(claimedHere.length, `round ${round}: refused, so the worker has the messages`).toBeGreaterThan(0);
        expect(after?.statusId).toBe(wf.status.awaiting.id);
        tally.add("kept, messages with the worker");
      }
      // Leave no claimed row for the next round's worker call to trip over.
      await db.update(outbox).set({ state: "sent" }).where(inArray(outbox.id, claimedHere.map((m) => m.id).concat(-1)));
    }
    console.log("undo race outcomes", JSON.stringify(tally.toJSON()));
    expect(tally.get("undone, messages cancelled") + tally.get("kept, messages with the worker")).toBe(ROUNDS);
  });
});
