import autocannon from "autocannon";
import { inArray } from "drizzle-orm";
import { orders, statuses } from "@/db/schema";
import { createApiKey } from "@/lib/integrations/api-keys";
import { figure, median } from "./measure";
import { eachReading, readCpu, type CpuReading } from "./process-cpu";
import { discardPoolMessages, ensurePool, ensureRotation } from "./rotation";
import type { BenchContext, BenchFigure, Scenario } from "./types";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

/**
 * `POST /api/v1/orders/{number}/transitions` under `next start`, beside `GET /api/health` (the
 * outbox's backlog, two small queries) in the same run. Every request is a real change: the orders sit in the benchmark's
 * two-status rotation type, requests go round-robin over a pool much larger than the number of
 * connections, and each asks for the status its order is not in, so each one locks the order,
 * checks the matrix and guards, writes the history and an outbox row. Each also carries its own
 * Idempotency-Key, as an ERP would, so the idempotency record is part of the cost. A refusal
 * (none expected) is counted and reported, not hidden in the rate.
 *
 * The two sides take turns, in rounds, so a spell of noise on the machine falls on both. Each
 * round starts from a drained outbox: the health check counts the pending messages, and the
 * emails the transitions queue (no worker delivers them here) would otherwise make it count
 * hundreds of rows a request, a backlog a working shop does not have, and flatter the ratio.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 3;
const CONNECTIONS = 10;
const POOL = 300;

/** One side's round: requests, their time, and the CPU the app server and Postgres spent on them. */
type Load = { answered: number; sent: number; seconds: number; p50: number; refused: number; cpu: CpuReading };

async function load(options: autocannon.Options, seconds: number): Promise<Load> {
  const before = readCpu();
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: seconds });
  const after = readCpu();
  if (result.errors > 0) throw new Error(`${options.url}: ${result.errors} connection errors`);
  // Only answered-and-accepted requests count towards the rate; every request answered cost CPU.
  return {
    answered: result.requests.total - result.non2xx,
    sent: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    refused: result.non2xx,
    cpu: eachReading((reading) => after[reading] - before[reading]),
  };
}

const rateOf = (l: Load) => l.answered / l.seconds;

/** The rounds of one side as one figure: requests over seconds, CPU per request, and the middle round's p50. */
function combined(rounds: Load[]): { rps: number; p50: number; refused: number; cpuPerRequest: CpuReading } {
  const sum = (pick: (l: Load) => number) => rounds.reduce((total, l) => total + pick(l), 0);
  const sent = sum((l) => l.sent);
  return {
    rps: sum((l) => l.answered) / sum((l) => l.seconds),
    p50: median(rounds.map((l) => l.p50)),
    refused: sum((l) => l.refused),
    cpuPerRequest: eachReading((reading) => sum((l) => l.cpu[reading]) / sent),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

export const apiScenario: Scenario = {
  name: "api",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const rotation = await ensureRotation(context.db);
    const pool = await ensurePool(context.db, rotation, "BENCH-API", POOL);
    const codes = await context.db.select({ id: statuses.id, code: statuses.code }).from(statuses);
    const codeOf = new Map(codes.map((s) => [s.id, s.code]));
    const created = await createApiKey(context.db, { name: "Benchmark ERP", scope: "write" }, SYSTEM_AUDIT_ACTOR);
    if (!created.ok) throw new Error(created.error.message);
    const authorization = `Bearer ${created.value.secret}`;
    const { url } = await context.app();

    // Which status each order is in; updated as requests are sent (round-robin keeps each order
    // to one request in flight at a time). Read again before each round of transitions, once the
    // server has long finished what autocannon abandoned at the end of the last one: autocannon
    // prepares requests it never sends, which leaves this view behind.
    const readState = async () =>
      (await context.db.select({ number: orders.number, statusId: orders.statusId }).from(orders).where(inArray(orders.id, pool.map((o) => o.id)))).map(
        (o) => ({ ...o }),
      );
    let state = await readState();
    let next = 0;
    let sent = 0;
    const transitionRequest = (): autocannon.Request => {
      const order = state[next++ % state.length]!;
      order.statusId = order.statusId === rotation.statusIds[0] ? rotation.statusIds[1] : rotation.statusIds[0];
      return {
        method: "POST",
        path: `/api/v1/orders/${order.number}/transitions`,
        headers: { authorization, "content-type": "application/json", "idempotency-key": `bench-${Date.now()}-${sent++}` },
        body: JSON.stringify({ to: codeOf.get(order.statusId) }),
      };
    };

    const health = { url: `${url}/api/health` };
    const api = { url, requests: [{ setupRequest: () => transitionRequest() }] };
    // Warm-up: compile caches and connection pools for both.
    await autocannon({ ...health, connections: CONNECTIONS, duration: 2 });
    await autocannon({ ...api, connections: CONNECTIONS, duration: 2 });
    const healthRounds: Load[] = [];
    const apiRounds: Load[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await settle();
      await discardPoolMessages(context.db, rotation);
      healthRounds.push(await load(health, SECONDS / ROUNDS));
      state = await readState();
      apiRounds.push(await load(api, SECONDS / ROUNDS));
      const [h, a] = [rateOf(healthRounds.at(-1)!), rateOf(apiRounds.at(-1)!)];
      console.log(`  round ${round + 1}: ${a.toFixed(0)} against ${h.toFixed(0)} req/s (${(a / h).toFixed(2)})`);
    }
    await settle();
    await discardPoolMessages(context.db, rotation);
    const baseline = combined(healthRounds);
    const transitions = combined(apiRounds);
    if (transitions.refused > 0) console.log(`  api: ${transitions.refused} transitions refused (counted apart from the rate)`);

    const figures = [
      figure("API transition POST", "req/s", transitions.rps, baseline.rps),
      figure("API transition POST p50", "ms", transitions.p50, baseline.p50),
    ];
    // Where each request's time goes, where /proc shows the processes (Linux, Postgres on this machine).
    if (transitions.cpuPerRequest.app > 0) {
      figures.push(figure("API transition: app server CPU per request", "ms", transitions.cpuPerRequest.app, baseline.cpuPerRequest.app));
    }
    if (transitions.cpuPerRequest.appMain > 0) {
      // The thread that sets both rates (docs/benchmarks.md): its own work, and how often it was made to wait.
      figures.push(figure("API transition: app server main thread CPU per request", "ms", transitions.cpuPerRequest.appMain, baseline.cpuPerRequest.appMain));
      figures.push(
        figure("API transition: main thread preemptions per request", "times", transitions.cpuPerRequest.appMainPreempted, baseline.cpuPerRequest.appMainPreempted),
      );
    }
    if (transitions.cpuPerRequest.postgres > 0) {
      figures.push(figure("API transition: Postgres CPU per request", "ms", transitions.cpuPerRequest.postgres, baseline.cpuPerRequest.postgres));
    }
    return figures;
  },
};
