import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { analyticsRollupPending, orderEvents, orders, settings, statuses, transitions, type Status } from "@/db/schema";
import { Random } from "@/db/seed/random";
import { transitionOrder } from "@/lib/orders/transition";
import { undoStatusChange } from "@/lib/orders/undo";
import { getSettings } from "@/lib/settings";
import { createAnalyticsWorkflow, insertHistory } from "@/tests/support/analytics-history";
import {
  fullScanDailyFlow,
  fullScanFunnel,
  fullScanRates,
  fullScanStatusCounts,
  fullScanStuckOrders,
  fullScanTimeInStatus,
  rollupDrift,
} from "@/tests/support/analytics-full-scan";
import { backdateOrderHistory } from "@/tests/support/backdate-order";
import { createTestOrder } from "@/tests/support/fixtures";
import { rowsOf } from "@/db/rows";
import { openTestDb } from "@/tests/support/test-db";
import { bucketOf } from "./duration-buckets";
import { shopToday, addDays, type AnalyticsFilters } from "./filters";
import { countOrdersByStatus, foldAnalyticsRollups, loadDailyFlow, loadFunnel, loadRates, loadStuckOrders, loadTimeInStatus, looksLikeReturn } from "./index";

/*
 * The rollups (ADR 0157) against the scan of the whole history they replace, after random
 * changes through every door that writes history: orders created and moved by the services,
 * undone, histories written in the past (across Warsaw midnights and the October DST change),
 * entries slipped into the middle of a history, whole histories moved back, orders deleted, an
 * SLA changed and a status moved to another group; some of their counts folded into the rollups,
 * some still waiting. Counts must be equal; medians and 90th percentiles within their bucket's
 * width.
 */

const SEED = Number(process.env.ROLLUP_TEST_SEED ?? 20_157);
const OPERATIONS = 120;
const HOUR = 3_600_000;

let handle: DbHandle;
let db: Db;
let wf: Awaited<ReturnType<typeof createAnalyticsWorkflow>>;
let all: Status[];

const stan = { type: "user" as const, id: "7", label: "Stan" };
const api = { type: "api" as const, id: "1", label: "ERP" };

/** Midnights in Warsaw as UTC instants, a moment either side, and the October DST change's day. */
const EDGES = [
  "2026-10-24T21:59:59.999Z", // 24 Oct 23:59:59.999 in Warsaw (summer time)
  "2026-10-24T22:00:00.000Z", // 25 Oct 00:00, the day the clocks go back
  "2026-10-25T01:00:00.000Z", // 02:00 summer time happens twice: this is the second (winter)
  "2026-10-25T22:59:59.999Z",
  "2026-10-25T23:00:00.000Z", // 26 Oct 00:00 winter time
  "2026-11-30T22:59:59.999Z",
  "2026-11-30T23:00:00.000Z", // 1 December
];

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  wf = await createAnalyticsWorkflow(db);
  await getSettings(db);
  await db.update(settings).set({ messageHoldSeconds: 30 });
  const s = wf.status;
  // Loops, so orders complete, reopen and come back: completed twice in a day counts once.
  await db.insert(transitions).values(
    [
      [s.completed, s.returned],
      [s.completed, s.picking],
      [s.picking, s.new],
    ].map(([from, to]) => ({ orderTypeId: wf.type.id, fromStatusId: from!.id, toStatusId: to!.id })),
  );
  all = Object.values(s);
}, 60_000);
afterAll(async () => handle?.close());

/** A history of random steps from `start`, some steps landing on the edges above. */
function randomSteps(rng: Random, start: number) {
  let at = start;
  return Array.from({ length: rng.int(1, 6) }, () => {
    const step = { status: rng.pick(all), at: new Date(at).toISOString() };
    at = rng.chance(0.2) ? Math.max(at + 1, Date.parse(rng.pick(EDGES))) : at + rng.int(1, 80) * (HOUR / 4) + rng.int(0, 999);
    return step;
  });
}

async function randomChanges(rng: Random) {
  const serviceOrders: number[] = [];
  const pastOrders: { id: number; number: string }[] = [];
  const undoable: number[] = [];
  const start = Date.parse("2026-10-20T10:00:00Z");
  for (let i = 0; i < OPERATIONS; i++) {
    const roll = rng.int(1, 100);
    if (roll <= 15) {
      const order = await createTestOrder(db, wf.type.code, { channel: rng.pick(["shop", "allegro"]), paymentMethod: "cod" });
      serviceOrders.push(order.id);
    } else if (roll <= 50 && serviceOrders.length) {
      const actor = rng.chance(0.6) ? stan : api;
      const moved = await transitionOrder(db, { orderId: rng.pick(serviceOrders), to: { id: rng.pick(all).id }, actor });
      if (moved.ok && actor === stan) undoable.push(moved.value.event.id);
    } else if (roll <= 60 && undoable.length) {
      await undoStatusChange(db, { eventId: rng.pick(undoable), actor: stan, mayUndoOthers: true });
    } else if (roll <= 78) {
      const from = rng.chance(0.3) ? Date.parse(rng.pick(EDGES)) : start + rng.int(0, 40 * 24) * HOUR + rng.int(0, HOUR);
      pastOrders.push(await insertHistory(db, { orderTypeId: wf.type.id, channel: rng.pick(["shop", "allegro"]), steps: randomSteps(rng, from) }));
    } else if (roll <= 88 && pastOrders.length) {
      // An entry slipped in between two of a history's, or before its first: it splits a stay.
      const order = rng.pick(pastOrders);
      const entries = await db.select({ at: orderEvents.createdAt }).from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(orderEvents.createdAt);
      if (!entries.length) continue;
      const k = rng.int(0, entries.length - 1);
      const before = entries[k]!.at.getTime();
      const after = entries[k + 1]?.at.getTime() ?? before + 2 * HOUR;
      await db.insert(orderEvents).values({
        orderId: order.id,
        type: "status_changed",
        toStatusId: rng.pick(all).id,
        actorType: "system",
        actorLabel: "Test",
        createdAt: new Date(rng.chance(0.2) ? before : before + Math.floor((after - before) * rng.next())),
      });
    } else if (roll <= 93 && pastOrders.length) {
      await backdateOrderHistory(db, { number: rng.pick(pastOrders).number, days: rng.int(1, 9) });
    } else if (roll <= 96 && pastOrders.length) {
      const [gone] = pastOrders.splice(rng.int(0, pastOrders.length - 1), 1);
      await db.delete(orders).where(eq(orders.id, gone!.id));
    } else {
      await db.update(statuses).set({ slaHours: rng.pick([null, 1, 5, 24, 48]) }).where(eq(statuses.id, rng.pick([wf.status.picking, wf.status.shipped]).id));
    }
  }
}

function expectNearPercentile(actual: number, exact: number, what: string) {
  // A bucket spans 9 % of its durations; a stay still open is taken at the middle of the hour it
  // began in (of the hour so far, for this hour's), at most half an hour off.
  expect(Math.abs(actual - exact), what).toBeLessThanOrEqual(Math.max(actual, exact) * (2 ** (1 / 8) - 1) + 1800);
}

async function expectFiguresEqual(filters: AnalyticsFilters, now: Date) {
  const label = JSON.stringify(filters);
  expect(await countOrdersByStatus(db, filters), label).toEqual(await fullScanStatusCounts(db, filters));
  expect(await loadDailyFlow(db, filters), label).toEqual(await fullScanDailyFlow(db, filters));
  expect(await loadFunnel(db, filters), label).toEqual(await fullScanFunnel(db, filters));
  expect(await loadRates(db, filters), label).toEqual(await fullScanRates(db, filters));
  const rolled = await loadTimeInStatus(db, filters, { now });
  const scanned = await fullScanTimeInStatus(db, filters, { now });
  const counts = (rows: typeof rolled) => rows.map(({ statusId, stays, open, slaBreaches }) => ({ statusId, stays, open, slaBreaches }));
  expect(counts(rolled), label).toEqual(counts(scanned));
  for (const [k, row] of rolled.entries()) {
    expectNearPercentile(row.medianSeconds, scanned[k]!.medianSeconds, `${label} median of ${row.code}`);
    expectNearPercentile(row.p90Seconds, scanned[k]!.p90Seconds, `${label} p90 of ${row.code}`);
  }
}

describe("rollups after random changes", () => {
  it("give every figure the scan of the history gives, and equal a rebuild", async () => {
    const rng = new Random(SEED);
    await randomChanges(rng);
    // A status moved to the completed group and back: what its entries count as changes twice.
    const completedGroup = wf.status.completed.groupId;
    await db.update(statuses).set({ groupId: completedGroup }).where(eq(statuses.id, wf.status.shipped.id));
    expect(await rollupDrift(db)).toBe(0);
    await expectFiguresEqual({ from: "2026-10-20", to: shopToday(), orderType: wf.type.code }, new Date());
    await db.update(statuses).set({ groupId: wf.status.picking.groupId }).where(eq(statuses.id, wf.status.shipped.id));
    await randomChanges(rng);
    // Half the changes folded into the rollups (as the worker does), half waiting: read together.
    await randomChanges(rng);
    expect(await foldAnalyticsRollups(db)).toBeGreaterThan(0);
    await randomChanges(rng);
    expect((await db.select().from(analyticsRollupPending)).length).toBeGreaterThan(0);

    expect(await rollupDrift(db)).toBe(0);
    const now = new Date();
    const today = shopToday(now);
    const periods = [
      { from: "2026-10-20", to: today },
      { from: "2026-10-25", to: "2026-10-25" },
      { from: "2026-10-24", to: "2026-10-26" },
      { from: "2026-11-01", to: "2026-11-30" },
      { from: "2026-12-01", to: "2026-12-01" },
      { from: addDays(today, -6), to: today },
    ];
    for (const period of periods) {
      for (const scope of [{ orderType: wf.type.code }, { orderType: wf.type.code, channel: "allegro" }]) {
        await expectFiguresEqual({ ...period, ...scope }, now);
      }
    }
    // A later hour: open stays cross their SLA while nothing is written.
    await expectFiguresEqual({ from: "2026-10-20", to: today, orderType: wf.type.code }, new Date(now.getTime() + 30 * HOUR + 17 * 60_000));
  }, 300_000);
});

describe("stuck orders", () => {
  it("lists the longest-waiting, counts up to the limit and says when there are more", async () => {
    const filters = { from: "2026-10-20", to: shopToday(), orderType: wf.type.code };
    const now = new Date();
    const everyone = await fullScanStuckOrders(db, filters, { idleDays: 3, now });
    expect(everyone.total).toBeGreaterThan(5);
    const capped = await loadStuckOrders(db, filters, { idleDays: 3, now, limit: 5 });
    expect(capped).toMatchObject({ total: 5, more: true });
    expect(capped.rows).toEqual(everyone.rows.slice(0, 5));
    const roomy = await loadStuckOrders(db, filters, { idleDays: 3, now, limit: everyone.total });
    expect(roomy).toMatchObject({ total: everyone.total, more: false });
    expect(roomy.rows).toEqual(everyone.rows);
  });
});

describe("open stays over their SLA", () => {
  it("counts exactly those that began before the limit, in the hour the limit falls in too", async () => {
    // A workflow of its own: the random changes above move SLAs.
    const own = await createAnalyticsWorkflow(db);
    const s = own.status; // picking: SLA 24 h
    const now = new Date("2026-11-20T12:40:00Z"); // the limit: 19 November, 12:40Z
    const stay = (picked: string) => insertHistory(db, { orderTypeId: own.type.id, steps: [{ status: s.new, at: "2026-11-19T08:00:00Z" }, { status: s.picking, at: picked }] });
    await stay("2026-11-19T11:59:00Z"); // an hour before the limit's: over
    await stay("2026-11-19T12:30:00Z"); // the limit's hour, before it: over
    await stay("2026-11-19T12:39:59.999Z"); // a millisecond before it: over
    await stay("2026-11-19T12:40:00Z"); // at the limit: exactly 24 h, not over
    await stay("2026-11-19T12:50:00Z"); // after it: not over
    const filters = { from: "2026-11-19", to: "2026-11-19", orderType: own.type.code };
    const picking = (rows: Awaited<ReturnType<typeof loadTimeInStatus>>) => rows.find((r) => r.statusId === s.picking.id);
    expect(picking(await loadTimeInStatus(db, filters, { now }))).toMatchObject({ stays: 5, open: 5, slaBreaches: 3 });
    expect(picking(await fullScanTimeInStatus(db, filters, { now }))).toMatchObject({ stays: 5, open: 5, slaBreaches: 3 });
  });
});

describe("the triggers and the screens share their rules", () => {
  it("buckets durations as duration-buckets.ts does", async () => {
    const rng = new Random(SEED);
    const samples = [0, 0.5, 1, 59.9, 3600, 86_400 * 3.5, ...Array.from({ length: 40 }, () => rng.next() * 10 ** rng.int(0, 7))];
    for (const seconds of samples) {
      const micros = Math.round(seconds * 1e6);
      const [row] = rowsOf<{ bucket: number }>(await db.execute(sql`select analytics_bucket(${micros}::bigint) as bucket`));
      expect(Number(row?.bucket), `${seconds} s`).toBe(bucketOf(micros / 1e6));
    }
  });

  it("tells returns by the same pattern as looksLikeReturn", async () => {
    const codes = ["returned", "return", "complaint_pending", "zwrot", "reklamacja", "no_returnable", "cancelled", "order.returned", "Zwrot-1"];
    for (const code of codes) {
      const [row] = rowsOf<{ categories: string[] }>(await db.execute(sql`select analytics_categories(${code}, 'not_completed', 'closed') as categories`));
      expect(row?.categories.includes("returned"), code).toBe(looksLikeReturn(code));
      expect(row?.categories.includes("cancelled"), code).toBe(!looksLikeReturn(code));
    }
  });
});
