import { existsSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import path from "node:path";
import type { Db } from "@/db";
import { schema } from "@/db";
import { loadBoardData, type BoardColumnRequest, type BoardFilters } from "@/db/queries/board-query";
import { orderTypes, statuses } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { BOARD_COUNT_CAP, BOARD_PAGE_SIZE } from "@/lib/board-limits";

/**
 * The board's read for one order type (first 50 cards per column + capped counts) through the
 * app's query module, beside the same statements written by hand in SQL and sent straight to the
 * driver, in the same run on the same database: the ratio is the query builder's cost.
 */
const WARM_UP = 5;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);

type Handle = { db: Db; raw: (text: string, params: unknown[]) => Promise<unknown>; close: () => Promise<void> };

async function openBenchDb(dir: string, orders: number): Promise<Handle> {
  const fresh = !existsSync(dir);
  const client = new PGlite(dir);
  await client.waitReady;
  const pg = drizzle({ client, schema, casing: "snake_case" });
  await migrate(pg, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  const db = pg as unknown as Db;
  const started = performance.now();
  const seeded = await seedDemo(db, { orders });
  if (seeded.ordersCreated > 0 || fresh) {
    console.log(`  seeded ${seeded.ordersCreated.toLocaleString("en")} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // PGlite runs no autovacuum: without statistics and a visibility map the planner guesses and
  // index-only scans fetch the heap. A server's autovacuum does this on its own after a bulk load.
  await client.exec("vacuum analyze");
  return { db, raw: (text, params) => client.query(text, params), close: () => client.close() };
}

/** The same two statements as db/queries/board-query.ts, by hand. $1 type, $2 status ids, $3 limits, $4 SLAs. */
const HAND_CARDS = `
select card.id, card.number, card.status_id, card.version, card.customer_name, card.total, card.currency,
       card.channel, card.payment_method, card.paid_at, card.courier, card.status_changed_at
from unnest($2::int[], $3::int[], $4::int[]) as col(status_id, lim, sla_hours)
cross join lateral (
  select o.* from orders o
  where o.order_type_id = $1 and o.status_id = col.status_id
  order by o.status_changed_at, o.id
  limit col.lim
) card`;
const HAND_COUNTS = `
select col.status_id, count(matching.one)
from unnest($2::int[], $3::int[], $4::int[]) as col(status_id, lim, sla_hours)
left join lateral (
  select 1 as one from orders o
  where o.order_type_id = $1 and o.status_id = col.status_id
  limit ${BOARD_COUNT_CAP + 1}
) matching on true
group by col.status_id`;

async function boardColumns(db: Db, typeCode: string): Promise<{ typeId: number; columns: BoardColumnRequest[] }> {
  const [type] = await db.select().from(orderTypes).where(eq(orderTypes.code, typeCode));
  if (!type) throw new Error(`order type ${typeCode} missing`);
  const rows = await db
    .select({ id: statuses.id, slaHours: statuses.slaHours })
    .from(statuses)
    .where(and(sql`${statuses.id} in (select from_status_id from transitions where order_type_id = ${type.id} union select to_status_id from transitions where order_type_id = ${type.id})`));
  return { typeId: type.id, columns: rows.map((r) => ({ statusId: r.id, slaHours: r.slaHours, limit: BOARD_PAGE_SIZE })) };
}

type Stats = { median: number; p95: number };

/**
 * Times both variants in alternation (A, B, A, B, ...) rather than one block after the other, so
 * a burst of load from anything else on the machine hits both alike and the ratio stays honest.
 */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[Stats, Stats]> {
  for (let i = 0; i < WARM_UP; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < ITERATIONS; i++) {
    for (const [k, run] of [a, b].entries()) {
      const start = performance.now();
      await run();
      samples[k]!.push(performance.now() - start);
    }
  }
  const stats = (values: number[]): Stats => {
    const sorted = [...values].sort((x, y) => x - y);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { median: at(0.5), p95: at(0.95) };
  };
  return [stats(samples[0]), stats(samples[1])];
}

async function benchOne(label: string, dir: string, orders: number) {
  console.log(`\n${label}: ${dir}`);
  const handle = await openBenchDb(dir, orders);
  try {
    const { typeId, columns } = await boardColumns(handle.db, "retail");
    const filters: BoardFilters = {};
    const params = [typeId, columns.map((c) => c.statusId), columns.map((c) => c.limit), columns.map((c) => c.slaHours)];
    const [built, hand] = await timePair(
      () => loadBoardData({ db: handle.db, orderTypeId: typeId, columns, filters }),
      () => Promise.all([handle.raw(HAND_CARDS, params), handle.raw(HAND_COUNTS, params)]),
    );
    const fmt = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
    console.log(`  ${"".padEnd(26)}   median        p95`);
    console.log(`  ${"board query (drizzle)".padEnd(26)} ${fmt(built.median)} ${fmt(built.p95)}`);
    console.log(`  ${"hand-written SQL".padEnd(26)} ${fmt(hand.median)} ${fmt(hand.p95)}`);
    console.log(`  ratio (drizzle / hand)       ${(built.median / hand.median).toFixed(2)}x  ${(built.p95 / hand.p95).toFixed(2)}x`);
  } finally {
    await handle.close();
  }
}

export async function benchBoard(): Promise<void> {
  console.log(`Board data (retail type, ${BOARD_PAGE_SIZE} cards per column + counts), ${ITERATIONS} runs after ${WARM_UP} warm-up`);
  await benchOne("1,000 orders", ".data/bench-1k", 1_000);
  await benchOne("100,000 orders", ".data/bench-100k", 100_000);
}
