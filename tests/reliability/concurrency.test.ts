import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@/db/schema";
import { callOverHttp, keyFor } from "@/lib/api/test-support";
import { env } from "@/lib/env";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { openAppDatabase } from "./support/app-database";
import type { ScratchDatabase } from "./support/database";
import { findHistoryViolations } from "./support/invariants";
import { pick, runClients, Tally } from "./support/load";
import { NEXT_SERVER_START_TIMEOUT_MS, startNextServer, type NextServer } from "./support/next-server";
import { signInAs } from "./support/sign-in";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

/** Writers: even ones call the services in this process, odd ones are ERPs on /api/v1 over HTTP. */
const WRITERS = 32;
/** Staff with the board and order pages open, reading over HTTP while the writers work. */
const READERS = 2;
const ORDERS = 20;
const DURATION_MS = 20_000;
const PORT = 3600;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;

let database: ScratchDatabase;
let server: NextServer;
beforeAll(async () => {
  // The app's own accounts and settings: the readers sign in as the demo staff member.
  database = await openAppDatabase({ max: WRITERS + 4 });
  server = await startNextServer({ databaseUrl: database.url, port: PORT });
}, NEXT_SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  await server?.stop();
  await database?.close();
});

describe(`concurrency: ${WRITERS} clients (half over HTTP to /api/v1 on next start) and ${READERS} page readers, ${ORDERS} orders, random changes for ${DURATION_MS / 1000} s (seed ${SEED})`, () => {
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
    const staffCookie = await signInAs(server.url, "staff");

    const writeOnce = async (random: () => number, client: number): Promise<string> => {
      const order = pick(random, orders);
      const actor = { type: "user" as const, id: String(client), label: `Client ${client}` };
      if (random() < 0.1) {
        // A quarter of the total: the order is paid after four of these.
        const result = await recordPayment(db, { orderId: order.id, amount: 1000, actor });
        if (result.ok) seenVersion.set(order.id, result.value.order.version);
        return result.ok ? "payment ok" : `payment ${result.error.code}`;
      }
      const target = pick(random, wf.all);
      const expectedVersion = random() < 0.5 ? seenVersion.get(order.id) : undefined;
      const customerVisible = random() < 0.5;
      if (client % 2 === 1) {
        const response = await callOverHttp(server.url, "POST", `/orders/${order.number}/transitions`, {
          key: apiKey,
          body: { to: target.code, expectedVersion, comment: `move by client ${client}`, customerVisible },
        });
        if (response.status >= 500) return `failed: API answered ${response.status}`;
        if (response.status === 200) seenVersion.set(order.id, response.json.order.version);
        return response.status === 200 ? "api transition ok" : `api transition ${response.json?.code ?? response.status}`;
      }
      const result = await transitionOrder(db, {
        orderId: order.id,
        to: { id: target.id },
        actor,
        expectedVersion,
        comment: `move by client ${client}`,
        customerVisible,
      });
      if (result.ok) seenVersion.set(order.id, result.value.order.version);
      return result.ok ? "transition ok" : `transition ${result.error.code}`;
    };

    // A page counts as read only when its own heading came back: the heading is rendered after
    // every query of the page, while an error (even one streamed after a 200) shows the boundary.
    const readOnce = async (random: () => number): Promise<string> => {
      if (random() < 0.5) {
        return readPage(`/board?type=${wf.type.code}`, /<h1[^>]*>Board<\/h1>/, "board page");
      }
      const order = pick(random, orders);
      return readPage(`/orders/${order.number}`, new RegExp(`<h1[^>]*>Order (<!-- -->)?${order.number}</h1>`), "order page");
    };
    const readPage = async (path: string, heading: RegExp, name: string): Promise<string> => {
      // In English, which the headings below are written in (the shop's staff language is Polish).
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: staffCookie, "accept-language": "en" }, redirect: "manual" });
      const html = await response.text();
      // A redirect would mean the session was lost (to /login) or the page refused the staff member.
      if (response.status !== 200) return `failed: ${name} answered ${response.status} ${response.headers.get("location") ?? ""}`.trim();
      return heading.test(html) ? `${name} ok` : `failed: ${name} rendered without its heading`;
    };

    const tally = new Tally();
    await runClients({
      clients: WRITERS + READERS,
      durationMs: DURATION_MS,
      seed: SEED,
      step: async (random, client) => {
        try {
          tally.add(client < WRITERS ? await writeOnce(random, client) : await readOnce(random));
        } catch (error) {
          // In this process an exception is what the HTTP surface would answer with a 500; over
          // HTTP it is a connection the server dropped or refused.
          tally.add(`threw: ${describeError(error)}`);
        }
      },
    });
    console.log("concurrency outcomes", JSON.stringify(tally.toJSON()));

    const failures = [...tally.counts.keys()].filter((k) => k.startsWith("threw") || k.startsWith("failed"));
    expect(failures, `server output:\n${server.output().slice(-4_000)}`).toEqual([]);
    // The run must have exercised what it claims to check: changes made both in this process and
    // through the server, refusals and conflicts, and pages read while the orders changed.
    const eitherWay = (outcome: string) => tally.get(outcome) + tally.get(`api ${outcome}`);
    expect(tally.get("transition ok")).toBeGreaterThan(0);
    expect(tally.get("api transition ok")).toBeGreaterThan(0);
    expect(eitherWay("transition transition_not_allowed")).toBeGreaterThan(0);
    expect(eitherWay("transition version_conflict")).toBeGreaterThan(0);
    expect(tally.get("board page ok")).toBeGreaterThan(0);
    expect(tally.get("order page ok")).toBeGreaterThan(0);
    expect(await findHistoryViolations(db, orders.map((o) => o.id))).toEqual([]);
  });
});

/** The message, with the network cause fetch hides behind "fetch failed" (ECONNRESET, ...). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}
