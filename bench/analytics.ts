import postgres from "postgres";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { orderEvents } from "@/db/schema";
import {
  countOrdersByStatus,
  foldAnalyticsRollups,
  loadDailyFlow,
  loadFunnel,
  loadRates,
  loadStuckOrders,
  loadTimeInStatus,
  resolveSearch,
  type AnalyticsFilters,
} from "@/lib/analytics";
import type { BenchFigure, Scenario } from "./types";

/*
 * The analytics page's figures (last 30 days, all types and channels) through lib/analytics,
 * each beside the same figure written by hand in SQL and sent straight to postgres.js, each timed
 * in a block of its own (see timeApart), on the bench database (at 100,000 orders topped up to
 * about 1,000,000 events). The hand-written SQL
 * scans the history, as the page did before its rollups (ADR 0157): the ratio is what the
 * rollups save over the plainest scan that gives the same numbers.
 */

const TARGET_EVENTS = 1_000_000;
const WARM_UP = 2;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);
const ZONE = "Europe/Warsaw";
const OPEN_KINDS = "('new','in_progress')";
const ENTRY = "('created','status_changed')";

const HAND: Record<string, string> = {
  "orders per status now": `
    select s.id, s.code, s.name, g.id, g.name, g.kind, c.n
    from (select status_id, count(*) n from orders group by status_id) c
    join statuses s on s.id = c.status_id join status_groups g on g.id = s.group_id
    order by g.position, s.position, s.id`,
  "entered and completed per day": `
    select to_char(created_at at time zone '${ZONE}', 'YYYY-MM-DD') d, count(*) from orders
    where created_at >= ($1::date::timestamp at time zone '${ZONE}') and created_at < (($2::date + 1)::timestamp at time zone '${ZONE}')
    group by 1
    union all
    select to_char(e.created_at at time zone '${ZONE}', 'YYYY-MM-DD') d, count(distinct e.order_id) from order_events e
    join statuses s on s.id = e.to_status_id join status_groups g on g.id = s.group_id
    where e.type in ${ENTRY} and g.kind = 'completed'
      and e.created_at >= ($1::date::timestamp at time zone '${ZONE}') and e.created_at < (($2::date + 1)::timestamp at time zone '${ZONE}')
    group by 1`,
  "time in status": `
    with stays as (
      select e.to_status_id, e.created_at entered_at,
             lead(e.created_at) over (partition by e.order_id order by e.created_at, e.id) left_at
      from order_events e
      where e.type in ${ENTRY} and e.created_at >= ($1::date::timestamp at time zone '${ZONE}'))
    select s.id, count(*),
           percentile_cont(0.5) within group (order by extract(epoch from coalesce(left_at, now()) - entered_at)),
           percentile_cont(0.9) within group (order by extract(epoch from coalesce(left_at, now()) - entered_at)),
           count(*) filter (where coalesce(left_at, now()) - entered_at > make_interval(hours => s.sla_hours))
    from stays join statuses s on s.id = stays.to_status_id join status_groups g on g.id = s.group_id
    where entered_at < (($2::date + 1)::timestamp at time zone '${ZONE}') and g.kind in ${OPEN_KINDS}
    group by s.id`,
  funnel: `
    select g.kind, count(distinct o.id) from orders o
    join order_events e on e.order_id = o.id and e.type in ${ENTRY} and e.created_at < (($2::date + 1)::timestamp at time zone '${ZONE}')
    join statuses s on s.id = e.to_status_id join status_groups g on g.id = s.group_id
    where o.created_at >= ($1::date::timestamp at time zone '${ZONE}') and o.created_at < (($2::date + 1)::timestamp at time zone '${ZONE}')
    group by g.kind`,
  "cancellation and return rates": `
    select count(*), count(*) filter (where cancelled), count(*) filter (where returned) from (
      select o.id,
             bool_or(g.kind = 'not_completed' and not (s.code ~* '(^|[_.-])(return|complaint|zwrot|reklamac)')) cancelled,
             bool_or(s.code ~* '(^|[_.-])(return|complaint|zwrot|reklamac)') returned
      from orders o
      left join order_events e on e.order_id = o.id and e.type in ${ENTRY} and e.created_at < (($2::date + 1)::timestamp at time zone '${ZONE}')
      left join statuses s on s.id = e.to_status_id left join status_groups g on g.id = s.group_id
      where o.created_at >= ($1::date::timestamp at time zone '${ZONE}') and o.created_at < (($2::date + 1)::timestamp at time zone '${ZONE}')
      group by o.id) t`,
  "stuck orders": `
    select * from (
      select o.id, o.number, o.status_changed_at, s.sla_hours,
             (select e.created_at from order_events e where e.order_id = o.id order by e.id desc limit 1) last_event_at
      from orders o join statuses s on s.id = o.status_id
      where o.status_id in (select s2.id from statuses s2 join status_groups g on g.id = s2.group_id where g.kind in ${OPEN_KINDS})) x
    where (sla_hours is not null and status_changed_at < now() - make_interval(hours => sla_hours)) or last_event_at < now() - interval '3 days'
    order by status_changed_at limit 200`,
};

function figuresOf(db: Db, filters: AnalyticsFilters): Record<string, () => Promise<unknown>> {
  return {
    "orders per status now": () => countOrdersByStatus(db, filters),
    "entered and completed per day": () => loadDailyFlow(db, filters),
    "time in status": () => loadTimeInStatus(db, filters),
    funnel: () => loadFunnel(db, filters),
    "cancellation and return rates": () => loadRates(db, filters),
    "stuck orders": () => loadStuckOrders(db, filters, { idleDays: 3 }),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Times A, then B, each after its own warm-up, instead of alternating them as the other
 * scenarios do: the hand-written figures scan the whole history (1.4 GB of events at a million
 * orders, ten times the database's shared buffers), so a run of A straight after one of B would
 * measure the rollups read back from disk after B pushed them out, a cost no shop pays unless it
 * runs such scans itself. At 100,000 orders everything fits in memory either way; at a million the
 * alternation made the page look twice as slow as it is (ADR 0157's measurements). The bench's
 * record should be taken on a quiet machine, where the two blocks see the same conditions.
 */
async function timeApart(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  const timeBlock = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < WARM_UP; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    return median(samples);
  };
  const baseline = await timeBlock(b);
  return [await timeBlock(a), baseline];
}

/**
 * The demo seed writes about 6 events per order; comments fill the history up to a million, dated
 * inside each order's life so they change neither stays nor "last event".
 */
async function topUpEvents(db: Db): Promise<number> {
  const count = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(orderEvents))[0]?.n ?? 0);
  let events = await count();
  if (events < TARGET_EVENTS) {
    const share = Math.min(1, (TARGET_EVENTS - events) / 5 / 100_000);
    await db.execute(sql`
      insert into order_events (order_id, type, actor_type, actor_label, created_at)
      select o.id, 'comment', 'system', 'Benchmark', o.created_at + random() * (o.updated_at - o.created_at)
      from orders o cross join generate_series(1, 5) where random() < ${share}`);
    await db.execute(sql`analyze order_events`);
    events = await count();
  }
  return events;
}

export const analyticsScenario: Scenario = {
  name: "analytics",
  run: async ({ db, databaseUrl }) => {
    const events = await topUpEvents(db);
    // What the worker does every few seconds (ADR 0157): the scenarios before this one changed
    // statuses, and their counts would otherwise still be waiting to be folded into the rollups.
    await foldAnalyticsRollups(db);
    console.log(`  analytics: ${events.toLocaleString("en")} events`);
    const { filters } = resolveSearch({ period: "30d" });
    const raw = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const built = figuresOf(db, filters);
      const result: BenchFigure[] = [];
      for (const [name, hand] of Object.entries(HAND)) {
        const [value, baseline] = await timeApart(built[name]!, () => raw.unsafe(hand, hand.includes("$1") ? [filters.from, filters.to] : []));
        result.push({ name: `analytics: ${name}`, unit: "ms", value, baseline, ratio: value / baseline });
      }
      const value = result.reduce((sum, f) => sum + f.value, 0);
      const baseline = result.reduce((sum, f) => sum + f.baseline, 0);
      result.push({ name: "analytics: whole page, one figure after another", unit: "ms", value, baseline, ratio: value / baseline });
      return result;
    } finally {
      await raw.end({ timeout: 5 });
    }
  },
};
