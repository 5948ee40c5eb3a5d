import postgres from "postgres";
import { transitionOrder, transitionOrders } from "@/lib/orders";
import { loadShopFacts, transitionByHand } from "./hand-transition";
import { alternate, figure, median } from "./measure";
import { BENCH_ACTOR, discardPoolMessages, ensurePool, ensureRotation, otherStatus, type PoolOrder, type Rotation } from "./rotation";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * Changing 1,000 orders at once, as "change status of selected" does: `transitionOrders` (every
 * order through the guarded service in its own transaction, so one refusal never undoes another,
 * six at a time) beside the same per-order writes by hand, one after another. Seconds for the
 * whole batch; the pool moves back and forth, Orderly and the baseline taking turns.
 */
const SIZE = Number(process.env.BENCH_BULK_SIZE ?? 1_000);
const ROUNDS = 4;

/** Every order of the pool in one status, so one bulk change applies to all of them. */
async function align(context: BenchContext, rotation: Rotation, pool: PoolOrder[]): Promise<number> {
  const target = pool[0]!.statusId;
  for (const order of pool.filter((o) => o.statusId !== target)) {
    const result = await transitionOrder(context.db, { orderId: order.id, to: { id: target }, actor: BENCH_ACTOR });
    if (!result.ok) throw new Error(`could not align ${order.id}: ${result.error.message}`);
  }
  return target;
}

export const bulkScenario: Scenario = {
  name: "bulk",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const rotation = await ensureRotation(context.db);
    const pool = await ensurePool(context.db, rotation, "BENCH-B", SIZE);
    let current = await align(context, rotation, pool);
    const hand = postgres(context.databaseUrl, { max: 10, onnotice: () => {} });
    try {
      const shop = await loadShopFacts(hand);
      const viaOrderly = async () => {
        const to = otherStatus(rotation, current);
        const report = await transitionOrders(context.db, { orders: pool.map((o) => ({ orderId: o.id })), to: { id: to }, actor: BENCH_ACTOR });
        const refused = report.filter((r) => !r.result.ok);
        if (refused.length) throw new Error(`${refused.length} orders refused`);
        current = to;
      };
      const byHand = async () => {
        const to = otherStatus(rotation, current);
        for (const order of pool) await transitionByHand(hand, shop, order.id, to);
        current = to;
      };
      const [orderly, baseline] = await alternate([viaOrderly, byHand], { warmUp: 0, rounds: ROUNDS });
      await discardPoolMessages(context.db, rotation);
      return [figure(`bulk (${SIZE.toLocaleString("en")} orders)`, "s", median(orderly) / 1000, median(baseline) / 1000)];
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
