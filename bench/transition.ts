import postgres from "postgres";
import { transitionOrder } from "@/lib/orders";
import { loadShopFacts, transitionByHand, type ShopFacts } from "./hand-transition";
import { alternate, concurrently, figure, median, withPgbench } from "./measure";
import { runPgbench, pgbenchUnavailable } from "./pgbench";
import { transitionScript, transitionScriptVariables } from "./pgbench-transition";
import { BENCH_ACTOR, discardPoolMessages, ensurePool, ensureRotation, otherStatus, type PoolOrder, type Rotation } from "./rotation";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * Guarded status changes per second through `transitionOrder`, with one caller and with eight
 * at once (each caller on its own orders, as separate staff or API clients would be), beside the
 * same statements by hand in one transaction with postgres.js. Both move the same pool of orders
 * back and forth between two statuses that lead to each other, in alternating rounds. Where
 * pgbench is installed, the baseline's statements also run through it, with as many clients for
 * as long as Orderly's rounds took: the database's own limit for a status change.
 */
const POOL = 400;
const PER_ROUND = Number(process.env.BENCH_TRANSITIONS ?? 400);
const ROUNDS = 5;

const totalSeconds = (samples: number[]) => Math.max(1, Math.round(samples.reduce((sum, ms) => sum + ms, 0) / 1000));

/**
 * The figure with pgbench's rate for the baseline's statements, `callers` clients for `seconds`.
 * A pgbench that fails costs its figure, not the scenario's: the line says why.
 */
async function besidePgbench(
  line: BenchFigure,
  { context, rotation, pool, callers, shop, seconds }: { context: BenchContext; rotation: Rotation; pool: PoolOrder[]; callers: number; shop: ShopFacts; seconds: number },
): Promise<BenchFigure> {
  const script = transitionScript({ rotation, orderIds: pool.map((o) => o.id), clients: callers });
  try {
    const tps = await runPgbench({ databaseUrl: context.databaseUrl, script, clients: callers, seconds, variables: transitionScriptVariables(shop) });
    return withPgbench(line, tps);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    console.error(`  pgbench failed for ${line.name}: no pgbench figure.`, stderr?.trim() || error);
    return line;
  }
}

export const transitionScenario: Scenario = {
  name: "transition",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const rotation = await ensureRotation(context.db);
    const hand = postgres(context.databaseUrl, { max: 10, onnotice: () => {} });
    const noPgbench = await pgbenchUnavailable();
    if (noPgbench) console.log(`  ${noPgbench}: no pgbench figure beside transition.`);
    try {
      const shop = await loadShopFacts(hand);
      const figures: BenchFigure[] = [];
      for (const callers of [1, 8]) {
        // Read afresh each time: pgbench moves orders without telling this map.
        const pool = await ensurePool(context.db, rotation, "BENCH-T", POOL);
        const status = new Map(pool.map((o) => [o.id, o.statusId]));
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
        const line = figure(`transition (${callers} caller${callers > 1 ? "s" : ""})`, "changes/s", rate(orderly), rate(baseline));
        figures.push(noPgbench ? line : await besidePgbench(line, { context, rotation, pool, callers, shop, seconds: totalSeconds(orderly) }));
        // Orderly's, the baseline's and pgbench's emails alike.
        await discardPoolMessages(context.db, rotation);
      }
      return figures;
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
