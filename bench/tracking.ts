import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { orders, orderTypes } from "@/db/schema";
import { figure } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * Requests per second of the customer tracking page under `next start` on the benchmark
 * database, beside a minimal page of the same app (/forbidden: static, no database), each loaded
 * with autocannon after a warm-up. The ratio is what the tracking page's work costs on top of
 * Next serving a page at all.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

async function load(url: string): Promise<number> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up: compile caches, fill the page cache
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const failures = result.errors + result.non2xx;
  if (failures > 0) throw new Error(`${url}: ${failures} failed requests of ${result.requests.total}`);
  return result.requests.average;
}

export const trackingScenario: Scenario = {
  name: "tracking",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    // A retail order with a real history, not one of the benchmark's rotation orders.
    const [order] = await context.db
      .select({ token: orders.trackingToken })
      .from(orders)
      .innerJoin(orderTypes, eq(orders.orderTypeId, orderTypes.id))
      .where(eq(orderTypes.code, "retail"))
      .limit(1);
    if (!order) throw new Error("no retail order to track");
    const { url } = await context.app();
    const minimal = await load(`${url}/forbidden`);
    const tracking = await load(`${url}/track/${order.token}`);
    return [figure("tracking page", "req/s", tracking, minimal)];
  },
};
