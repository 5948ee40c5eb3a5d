import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveHub, type LiveMessage } from "@/lib/live/hub";
import { recordPayment } from "@/lib/orders";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { startPrivateCluster, type PrivateCluster } from "./support/private-cluster";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

/**
 * The live updates' one LISTEN per process (ADR 0150) across a fast restart and a crash of the
 * database: postgres.js reconnects its listening connection and LISTENs again by itself; the hub
 * then tells every stream to read again (changes made meanwhile were not heard), and the changes
 * committed afterwards reach the streams, without reopening anything.
 */
let cluster: PrivateCluster;
let database: ScratchDatabase;
beforeAll(async () => {
  cluster = await startPrivateCluster();
  database = await openScratchDatabase({ serverUrl: cluster.url, max: 4 });
});
afterAll(async () => {
  await database?.close().catch(() => {});
  await cluster?.destroy();
});

async function until(check: () => boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A change, tried until the pool's connections are back (the first tries after a restart may fail). */
async function payWhenBack(orderId: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      const paid = await recordPayment(database.db, { orderId, amount: 1, actor: { type: "system", label: "Test" } });
      if (paid.ok) return;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("live updates across a database restart", () => {
  it("listen again after a fast restart and after a crash, tell the streams to resync, and pass on later changes", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    const order = await placeOrder(db, wf, { customer: { name: "Anna" } });
    const hub = new LiveHub(database.listen, 10);
    const heard: LiveMessage[] = [];
    const unsubscribe = await hub.subscribe((message) => heard.push(message));
    const changesOf = () => heard.filter((m) => m.kind === "change" && m.change.orderId === order.id).length;
    const resyncs = () => heard.filter((m) => m.kind === "resync").length;

    await payWhenBack(order.id);
    await until(() => changesOf() === 1, "the first change");

    await cluster.restartFast();
    await until(() => resyncs() === 1, "the resync after the fast restart");
    await payWhenBack(order.id);
    await until(() => changesOf() === 2, "a change after the fast restart");

    await cluster.crashAndStart(2_000);
    await until(() => resyncs() === 2, "the resync after the crash");
    await payWhenBack(order.id);
    await until(() => changesOf() === 3, "a change after the crash");

    expect(heard.filter((m) => m.kind === "change")).toHaveLength(3);
    unsubscribe?.();
    await hub.close();
  });
});
