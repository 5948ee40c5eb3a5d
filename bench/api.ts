import autocannon from "autocannon";
import { inArray } from "drizzle-orm";
import { orders, statuses } from "@/db/schema";
import { createApiKey } from "@/lib/integrations/api-keys";
import { figure } from "./measure";
import { discardPoolMessages, ensurePool, ensureRotation } from "./rotation";
import type { BenchContext, BenchFigure, Scenario } from "./types";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

/**
 * `POST /api/v1/orders/{number}/transitions` under `next start`, beside `GET /api/health` (one
 * small query) in the same run. Every request is a real change: the orders sit in the benchmark's
 * two-status rotation type, requests go round-robin over a pool much larger than the number of
 * connections, and each asks for the status its order is not in, so each one locks the order,
 * checks the matrix and guards, writes the history and an outbox row. Each also carries its own
 * Idempotency-Key, as an ERP would, so the idempotency record is part of the cost. A refusal
 * (none expected) is counted and reported, not hidden in the rate.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const POOL = 300;

type Load = { rps: number; p50: number; refused: number };

async function load(options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS });
  if (result.errors > 0) throw new Error(`${options.url}: ${result.errors} connection errors`);
  // Only answered-and-accepted requests count towards the rate.
  return { rps: (result.requests.total - result.non2xx) / result.duration, p50: result.latency.p50, refused: result.non2xx };
}

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
    // to one request in flight at a time).
    // Read again after the warm-up (once the server has finished what autocannon abandoned at the
    // end of it): autocannon prepares requests it never sends, which leaves this view behind.
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
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    state = await readState();
    const baseline = await load(health);
    const transitions = await load(api);
    await discardPoolMessages(context.db, rotation);
    if (transitions.refused > 0) console.log(`  api: ${transitions.refused} transitions refused (counted apart from the rate)`);

    return [
      figure("API transition POST", "req/s", transitions.rps, baseline.rps),
      figure("API transition POST p50", "ms", transitions.p50, baseline.p50),
    ];
  },
};
