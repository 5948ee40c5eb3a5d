import postgres from "postgres";
import { transitionOrder } from "@/lib/orders";
import { loadShopFacts, transitionByHand } from "./hand-transition";
import { alternate, concurrently, figure, median } from "./measure";
import { BENCH_ACTOR, discardPoolMessages, ensurePool, ensureRotation, otherStatus } from "./rotation";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * Guarded status changes per second through `transitionOrder`, with one caller and with eight
 * at once (each caller on its own orders, as separate staff or API clients would be), beside the
 * same statements by hand in one transaction with postgres.js. Both move the same pool of orders
 * back and forth between two statuses that lead to each other, in alternating rounds.
 */
const POOL = 400;
const PER_ROUND = Number(process.env.BENCH_TRANSITIONS ?? 400);
const ROUNDS = 5;

export const transitionScenario: Scenario = {
  name: "transition",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const rotation = await ensureRotation(context.db);
    const pool = await ensurePool(context.db, rotation, "BENCH-T", POOL);
    const status = new Map(pool.map((o) => [o.id, o.statusId]));
    const hand = postgres(context.databaseUrl, { max: 10, onnotice: () => {} });
    try {
      const shop = await loadShopFacts(hand);
      const figures: BenchFigure[] = [];
      for (const callers of [1, 8]) {
        // Caller c owns every order whose position is c modulo callers: no two callers wait on one row lock.
        const owned = Array.from({ length: callers }, (_, caller) => pool.filter((_, k) => k % callers === caller));
        const next = (caller: number, i: number) => {
          const mine = owned[caller]!;
          const order = mine[i % mine.length]!;
          const to = otherStatus(rotation, status.get(order.id)!);
          status.set(order.id, to);
          return { orderId: order.id, to };
        };
        const viaOrderly = () =>
          concurrently(callers, PER_ROUND, async (caller, i) => {
            const { orderId, to } = next(caller, i);
            const result = await transitionOrder(context.db, { orderId, to: { id: to }, actor: BENCH_ACTOR });
            if (!result.ok) throw new Error(`transitionOrder refused: ${result.error.message}`);
          });
        const byHand = () =>
          concurrently(callers, PER_ROUND, async (caller, i) => {
            const { orderId, to } = next(caller, i);
            await transitionByHand(hand, shop, orderId, to);
          });
        const [orderly, baseline] = await alternate([viaOrderly, byHand], { warmUp: 1, rounds: ROUNDS });
        const rate = (ms: number[]) => median(ms.map((m) => (PER_ROUND / m) * 1000));
        figures.push(figure(`transition (${callers} caller${callers > 1 ? "s" : ""})`, "changes/s", rate(orderly), rate(baseline)));
        await discardPoolMessages(context.db, rotation);
      }
      return figures;
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
