import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderEvents, outbox, settings, type Order } from "@/db/schema";
import { callOverHttp, keyFor } from "@/lib/api/test-support";
import { createRule } from "@/lib/automation/rules";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { env } from "@/lib/env";
import { parseOrderChange } from "@/lib/live/order-change";
import { getSettings } from "@/lib/settings";
import { FakeResend } from "@/tests/support/fake-resend";
import { openAppDatabase } from "./support/app-database";
import type { ScratchDatabase } from "./support/database";
import { findHistoryViolations } from "./support/invariants";
import { pick, runClients, Tally } from "./support/load";
import { NEXT_SERVER_START_TIMEOUT_MS, startNextServer, type NextServer } from "./support/next-server";
import { findPgBouncer, startPgBouncer, type PgBouncer } from "./support/pgbouncer";
import { spawnScript, type Spawned } from "./support/processes";
import { signInAs } from "./support/sign-in";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

/**
 * Several app instances and several workers on one database, as a shop runs behind a load
 * balancer (README, "Deployment"): three `next start` processes and two outbox workers share one
 * Postgres under mixed load, nothing shared between the processes but the database.
 */
const INSTANCES = 3;
const WORKERS = 2;
const FIRST_PORT = 3620;
/** ERPs on /api/v1, each request to the next instance in turn: single changes and payments. */
const API_WRITERS = 12;
/** Staff with the board and order pages open, each page from another instance. */
const READERS = 3;
/** Bulk changes of a handful of orders at once through the API. */
const BULK_WRITERS = 2;
const ORDERS = 24;
const DURATION_MS = 20_000;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;
const PGBOUNCER_PORT = 6440;
/** Each process's pool (DATABASE_POOL_MAX), smaller than the default 10 so the sum stays modest. */
const POOL_MAX = 6;
/** Installed by `.ci/run`; without it the processes connect to Postgres directly, and say so. */
const PGBOUNCER = findPgBouncer();

let database: ScratchDatabase;
let fake: FakeResend;
let bouncer: PgBouncer | undefined;
/** What the app processes are told about the database: through the pooler when there is one. */
let processEnv: Record<string, string>;
const servers: NextServer[] = [];
const workers: Spawned[] = [];

beforeAll(async () => {
  database = await openAppDatabase({ max: 6 });
  // Every email the changes queue is to go out, at once: no hold for undo, no duplicate window.
  await getSettings(database.db);
  await database.db.update(settings).set({ messageHoldSeconds: 0, duplicateWindowHours: 0 });
  fake = await new FakeResend().start();
  // Each process's pool and, on an instance, its LISTEN connection: all of them through the pooler.
  const connections = (INSTANCES + WORKERS) * POOL_MAX + INSTANCES;
  bouncer = PGBOUNCER ? await startPgBouncer(PGBOUNCER, database.url, PGBOUNCER_PORT, connections) : undefined;
  processEnv = { DATABASE_URL: bouncer ? bouncer.urlFor(database.url) : database.url, DATABASE_POOL_MAX: String(POOL_MAX) };
  // One after another: the first start may build the app, which the others then share.
  for (let i = 0; i < INSTANCES; i++) {
    servers.push(await startNextServer({ databaseUrl: processEnv.DATABASE_URL!, port: FIRST_PORT + i, env: processEnv }));
  }
}, NEXT_SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all([...workers.map((w) => w.stop(2_000)), ...servers.map((s) => s.stop())]);
  await fake?.stop();
  await bouncer?.stop();
  await database?.close();
});

function startWorker(): Spawned {
  const worker = spawnScript("scripts/worker.ts", {
    ...processEnv,
    AUTH_SECRET: "reliability-suite-secret-that-is-long-enough",
    RESEND_API_KEY: "re_reliability",
    RESEND_BASE_URL: fake.url,
    OUTBOX_IDLE_MS: "200",
  });
  workers.push(worker);
  return worker;
}

/**
 * A `GET /api/live` stream held open on one instance: every `change` it carries, by order and
 * version. What another instance commits reaches it only through Postgres (LISTEN/NOTIFY).
 */
async function listen(server: NextServer, cookie: string): Promise<{ heard: Set<string>; close: () => void }> {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/live`, { headers: { cookie }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`/api/live answered ${response.status}`);
  const heard = new Set<string>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += value;
        const events = buffered.split("\n\n");
        buffered = events.pop()!;
        for (const event of events) {
          const data = /^event: change\ndata: (.*)$/m.exec(event)?.[1];
          const change = data ? parseOrderChange(data) : null;
          if (change) heard.add(`${change.orderId}@${change.version}`);
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { heard, close: () => abort.abort() };
}

describe(`${INSTANCES} app instances and ${WORKERS} workers on one database: ${API_WRITERS} API writers, ${BULK_WRITERS} bulk writers, ${READERS} page readers, automations, ${DURATION_MS / 1000} s (seed ${SEED})`, () => {
  it("keeps one history chain per order, the status equal to its last event, every email sent exactly once, and answers no request with a 500", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    // Automations run inside the changes that trigger them, on whichever instance took the request.
    const rules = [
      { name: "Note on shipping", trigger: { type: "status_entered" as const, statusCode: wf.status.shipped.code }, actions: [{ type: "add_comment" as const, body: "Shipped {{orderNumber}}" }] },
      { name: "Back to awaiting payment", trigger: { type: "status_entered" as const, statusCode: wf.status.new.code }, actions: [{ type: "set_status" as const, statusCode: wf.status.awaiting.code }] },
    ];
    for (const rule of rules) {
      const created = await createRule(db, { ...rule, conditions: { orderTypes: [wf.type.code] } }, SYSTEM_AUDIT_ACTOR);
      if (!created.ok) throw new Error(created.error.message);
    }
    const orders: Order[] = [];
    for (let i = 0; i < ORDERS; i++) {
      orders.push(await placeOrder(db, wf, { customer: { name: `Client ${i}`, email: `client${i}@example.com`, phone: "+48600100200" }, quantity: 4 }));
    }
    const key = await keyFor(db, "write");
    // One session, signed in on the first instance, used on all: sessions live in signed cookies.
    const staffCookie = await signInAs(servers[0]!.url, "staff");
    const stream = await listen(servers[INSTANCES - 1]!, staffCookie);
    for (let i = 0; i < WORKERS; i++) startWorker();

    let turn = 0;
    const nextServer = () => servers[turn++ % INSTANCES]!;
    const seenVersion = new Map(orders.map((o) => [o.number, o.version]));

    const writeOnce = async (random: () => number): Promise<string> => {
      const order = pick(random, orders);
      const server = nextServer();
      if (random() < 0.1) {
        const response = await callOverHttp(server.url, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 1000 } });
        if (response.status >= 500) return `failed: payment answered ${response.status}`;
        return response.status === 201 || response.status === 200 ? "payment ok" : `payment ${response.json?.code ?? response.status}`;
      }
      const target = pick(random, wf.all);
      const expectedVersion = random() < 0.5 ? seenVersion.get(order.number) : undefined;
      const response = await callOverHttp(server.url, "POST", `/orders/${order.number}/transitions`, {
        key,
        body: { to: target.code, expectedVersion, customerVisible: random() < 0.5 },
        headers: { "idempotency-key": `instances-${SEED}-${turn}-${order.number}` },
      });
      if (response.status >= 500) return `failed: transition answered ${response.status}`;
      if (response.status === 200) seenVersion.set(order.number, response.json.order.version);
      return response.status === 200 ? "transition ok" : `transition ${response.json?.code ?? response.status}`;
    };

    const bulkOnce = async (random: () => number): Promise<string> => {
      const chosen = new Set(Array.from({ length: 4 }, () => pick(random, orders).number));
      const response = await callOverHttp(nextServer().url, "POST", "/transitions", {
        key,
        body: { to: pick(random, wf.all).code, orders: [...chosen].map((number) => ({ number })) },
      });
      if (response.status >= 500) return `failed: bulk answered ${response.status}`;
      if (response.status !== 200) return `bulk ${response.json?.code ?? response.status}`;
      const lines = response.json.results as { ok: boolean }[];
      return lines.some((line) => line.ok) ? "bulk ok" : "bulk all refused";
    };

    const readOnce = async (random: () => number): Promise<string> => {
      const server = nextServer();
      const path = random() < 0.5 ? `/board?type=${wf.type.code}` : `/orders/${pick(random, orders).number}`;
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: staffCookie }, redirect: "manual" });
      await response.arrayBuffer();
      // A redirect would mean this instance did not accept the session another one issued.
      if (response.status !== 200) return `failed: ${path.split("?")[0]!.split("/")[1]} answered ${response.status}`;
      return path.startsWith("/board") ? "board page ok" : "order page ok";
    };

    const tally = new Tally();
    await runClients({
      clients: API_WRITERS + BULK_WRITERS + READERS,
      durationMs: DURATION_MS,
      seed: SEED,
      step: async (random, client) => {
        try {
          const outcome = client < API_WRITERS ? writeOnce(random) : client < API_WRITERS + BULK_WRITERS ? bulkOnce(random) : readOnce(random);
          tally.add(await outcome);
        } catch (error) {
          tally.add(`threw: ${error instanceof Error ? `${error.message} ${String((error.cause as Error | undefined)?.message ?? "")}` : String(error)}`);
        }
      },
    });
    console.log(bouncer ? `instances: through PgBouncer in session mode (${PGBOUNCER})` : "instances: PgBouncer is not installed; the processes connect to Postgres directly");
    console.log("instances outcomes", JSON.stringify(tally.toJSON()));

    // A last change through the first instance must reach the stream held on the last one.
    const last = orders[0]!;
    const moved = await callOverHttp(servers[0]!.url, "POST", `/orders/${last.number}/payments`, { key, body: { amount: 1 } });
    expect(moved.status, JSON.stringify(moved.json)).toBeLessThan(300);
    await expect.poll(() => stream.heard.has(`${last.id}@${moved.json.order.version}`), { timeout: 10_000, message: "a change made on instance 1 never reached a board on instance 3" }).toBe(true);
    stream.close();

    const outputs = () => [...servers.map((s) => s.output()), ...workers.map((w) => w.output())].join("\n").slice(-4_000);
    const failures = [...tally.counts.keys()].filter((k) => k.startsWith("threw") || k.startsWith("failed"));
    expect(failures, outputs()).toEqual([]);
    // The run did what it claims: changes, payments, bulk changes, refusals and pages on every kind.
    for (const outcome of ["transition ok", "payment ok", "bulk ok", "board page ok", "order page ok", "transition version_conflict", "transition transition_not_allowed"]) {
      expect(tally.get(outcome), outcome).toBeGreaterThan(0);
    }
    expect(stream.heard.size).toBeGreaterThan(0);
    expect(await findHistoryViolations(db, orders.map((o) => o.id))).toEqual([]);

    // The workers drain the outbox between them: every email exactly once, none lost.
    await expect
      .poll(async () => (await db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.state, ["pending", "sending"]))).length, {
        timeout: 120_000,
        interval: 1_000,
        message: "outbox rows still pending or sending",
      })
      .toBe(0);
    const rows = await db.select().from(outbox).where(inArray(outbox.kind, ["email", "sms"]));
    expect(rows.filter((r) => r.state !== "sent").map((r) => `${r.id} ${r.state}`)).toEqual([]);
    const emails = rows.filter((r) => r.kind === "email");
    expect(emails.length).toBeGreaterThan(0);
    expect(fake.requestsWithoutKey).toEqual([]);
    // Whether an email went alone or in a batch (ADR 0156): one delivery each, to its recipient,
    // named on its row, and no other; no email and no batch was even asked for twice.
    expect(fake.deliveries.size).toBe(emails.length);
    const delivered = new Map([...fake.deliveries.values()].map((d) => [d.id, d]));
    for (const row of emails) expect(delivered.get(row.providerMessageId ?? "")?.to, `email ${row.id}`).toEqual([row.recipient]);
    expect(new Set(emails.map((r) => r.providerMessageId)).size).toBe(emails.length);
    const askedTwice = [...fake.deliveries.values(), ...fake.batches.values()].filter((d) => d.requests > 1);
    expect(askedTwice, "a worker sent an email twice").toEqual([]);
    const [automated] = await db
      .select({ n: count() })
      .from(orderEvents)
      .where(and(inArray(orderEvents.orderId, orders.map((o) => o.id)), eq(orderEvents.actorType, "automation")));
    expect(automated!.n, "no automation ran").toBeGreaterThan(0);
    // Each worker logs what it sent per batch: both must have taken a share, or this proved one worker.
    const sentBy = workers.map((w) => [...w.output().matchAll(/outbox: (\d+) sent/g)].reduce((sum, m) => sum + Number(m[1]), 0));
    expect(sentBy.every((n) => n > 0), `messages sent per worker: ${sentBy.join(", ")}`).toBe(true);
    console.log(`instances: ${emails.length} emails and ${rows.length - emails.length} SMS, sent per worker ${sentBy.join(" + ")}, ${automated!.n} automated changes, ${stream.heard.size} changes heard on instance ${INSTANCES}`);
  });
});
