import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { orders, orderTypes } from "@/db/schema";
import { figure } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * Requests per second of the customer tracking page under `next start` on the benchmark
 * database, each load with autocannon after a warm-up, beside two minimal pages of the same app:
 * `/forbidden`, prerendered at build time (what Next serving a page at all costs), and the `/track`
 * lookup form, the smallest page rendered per request like the tracking page (the strict CSP
 * needs a fresh nonce each time) in the same frame with one settings query. The first ratio is
 * what per-request rendering and the order's data cost together; the second, the order's data
 * and the page's own markup alone.
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
    const prerendered = await load(`${url}/forbidden`);
    const lookupForm = await load(`${url}/track`);
    const tracking = await load(`${url}/track/${order.token}`);
    return [
      figure("tracking page vs prerendered page", "req/s", tracking, prerendered),
      figure("tracking page vs lookup form", "req/s", tracking, lookupForm),
    ];
  },
};
