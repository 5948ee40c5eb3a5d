import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@/db/schema";
import { call, keyFor } from "@/lib/api/test-support";
import { env } from "@/lib/env";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { findHistoryViolations } from "./support/invariants";
import { pick, runClients, Tally } from "./support/load";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

const CLIENTS = 32;
const ORDERS = 20;
const DURATION_MS = 20_000;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;

let database: ScratchDatabase;
beforeAll(async () => {
  database = await openScratchDatabase({ max: CLIENTS + 4 });
});
afterAll(async () => database?.close());

describe(`concurrency: ${CLIENTS} clients (half through /api/v1), ${ORDERS} orders, random changes for ${DURATION_MS / 1000} s (seed ${SEED})`, () => {
  it("keeps every history one unbroken chain of allowed changes, with the status, version and outbox to match", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    const orders: Order[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const customer = { name: `Client ${i}`, email: `client${i}@example.com`, phone: "+48600100200" };
      orders.push(await placeOrder(db, wf, { customer, quantity: 4 }));
    }
    // What each client last saw of each order: a change sent with it may be stale by the time it runs.
    const seenVersion = new Map(orders.map((o) => [o.id, o.version]));
    const apiKey = await keyFor(db, "write");

    const tally = new Tally();
    await runClients({
      clients: CLIENTS,
      durationMs: DURATION_MS,
      seed: SEED,
      step: async (random, client) => {
        const order = pick(random, orders);
        const actor = { type: "user" as const, id: String(client), label: `Client ${client}` };
        try {
          if (random() < 0.1) {
            // A quarter of the total: the order is paid after four of these.
            const result = await recordPayment(db, { orderId: order.id, amount: 1000, actor });
            tally.add(result.ok ? "payment ok" : `payment ${result.error.code}`);
            if (result.ok) seenVersion.set(order.id, result.value.order.version);
            return;
          }
          const target = pick(random, wf.all);
          const expectedVersion = random() < 0.5 ? seenVersion.get(order.id) : undefined;
          const customerVisible = random() < 0.5;
          if (client % 2 === 1) {
            // Half the clients are ERPs on /api/v1: the real handler, a Request in and a Response out.
            const response = await call(db, "POST", `/orders/${order.number}/transitions`, {
              key: apiKey,
              body: { to: target.code, expectedVersion, comment: `move by client ${client}`, customerVisible },
            });
            tally.add(response.status === 200 ? "transition ok" : `transition ${response.json?.code ?? response.status}`);
            if (response.status >= 500) tally.add(`threw: API answered ${response.status}`);
            if (response.status === 200) seenVersion.set(order.id, response.json.order.version);
            return;
          }
          const result = await transitionOrder(db, {
            orderId: order.id,
            to: { id: target.id },
            actor,
            expectedVersion,
            comment: `move by client ${client}`,
            customerVisible,
          });
          tally.add(result.ok ? "transition ok" : `transition ${result.error.code}`);
          if (result.ok) seenVersion.set(order.id, result.value.order.version);
        } catch (error) {
          // An exception here is what the HTTP surface would answer with a 500.
          tally.add(`threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
    console.log("concurrency outcomes", JSON.stringify(tally.toJSON()));

    expect([...tally.counts.keys()].filter((k) => k.startsWith("threw"))).toEqual([]);
    // The run must have exercised what it claims to check: successes, refusals and conflicts.
    expect(tally.get("transition ok")).toBeGreaterThan(0);
    expect(tally.get("transition transition_not_allowed")).toBeGreaterThan(0);
    expect(tally.get("transition version_conflict")).toBeGreaterThan(0);
    expect(await findHistoryViolations(db, orders.map((o) => o.id))).toEqual([]);
  });
});
