import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createAnalyticsWorkflow, insertHistory } from "@/tests/support/analytics-history";
import { openTestDb } from "@/tests/support/test-db";
import {
  countOrdersByStatus,
  loadDailyFlow,
  loadFunnel,
  loadRates,
  loadStuckOrders,
  loadTimeInStatus,
  sumByGroup,
  type AnalyticsFilters,
  type TimeInStatus,
} from "./index";

/*
 * One order type with histories whose every duration is chosen by hand (UTC below; the period is
 * March 2026 in Warsaw time: 2026-02-28T23:00Z to 2026-03-31T22:00Z, DST starting on 29 March).
 *
 *   O1 shop     new 1 h → picking 10 h → shipped 60 h → completed (5 Mar)
 *   O2 shop     new 2 h → picking 20 h → shipped 52 h → completed (6 Mar)
 *   O3 shop     new 3 h → picking 0.5 h → cancelled
 *   O4 shop     new 4 h → picking 740 h → cancelled on 5 April (after the period)
 *   O5 shop     created 28 Feb 23:30Z (1 March in Warsaw) new 10 h → picking 10 h → shipped, still there
 *   O6 shop     created 27 Feb (before the period): its new stay is not the period's;
 *               picking 40 h from 1 March → shipped 168 h → completed 10 March
 *   O7 shop     created 31 Mar 22:30Z (1 April in Warsaw): outside the period, still new
 *   O8 allegro  new 10 h → picking 14 h → shipped 24 h → completed → returned (15 Mar)
 *   O10 shop    picking since 10 Apr 04:00 (10 h, under its SLA)
 *   O11 shop    picking since 9 Apr 10:00 (28 h, over the 24 h SLA)
 *   O12 shop    shipped since 2 Apr, a payment recorded 9 Apr: touched recently
 */
const NOW = new Date("2026-04-10T14:00:00Z");
const H = 3600;

let handle: DbHandle;
let db: Db;
let wf: Awaited<ReturnType<typeof createAnalyticsWorkflow>>;
let march: AnalyticsFilters;
const numbers: Record<string, string> = {};

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  wf = await createAnalyticsWorkflow(db);
  const s = wf.status;
  const type = wf.type.id;
  const add = async (name: string, steps: [keyof typeof s, string][], extra: { channel?: string; touches?: Parameters<typeof insertHistory>[1]["touches"] } = {}) => {
    const order = await insertHistory(db, { orderTypeId: type, steps: steps.map(([status, at]) => ({ status: s[status], at })), ...extra });
    numbers[name] = order.number;
  };
  await add("O1", [["new", "2026-03-02T10:00:00Z"], ["picking", "2026-03-02T11:00:00Z"], ["shipped", "2026-03-02T21:00:00Z"], ["completed", "2026-03-05T09:00:00Z"]]);
  await add("O2", [["new", "2026-03-03T10:00:00Z"], ["picking", "2026-03-03T12:00:00Z"], ["shipped", "2026-03-04T08:00:00Z"], ["completed", "2026-03-06T12:00:00Z"]]);
  await add("O3", [["new", "2026-03-04T10:00:00Z"], ["picking", "2026-03-04T13:00:00Z"], ["cancelled", "2026-03-04T13:30:00Z"]]);
  await add("O4", [["new", "2026-03-05T10:00:00Z"], ["picking", "2026-03-05T14:00:00Z"], ["cancelled", "2026-04-05T10:00:00Z"]]);
  await add("O5", [["new", "2026-02-28T23:30:00Z"], ["picking", "2026-03-01T09:30:00Z"], ["shipped", "2026-03-01T19:30:00Z"]]);
  await add("O6", [["new", "2026-02-27T10:00:00Z"], ["picking", "2026-03-01T10:00:00Z"], ["shipped", "2026-03-03T02:00:00Z"], ["completed", "2026-03-10T02:00:00Z"]]);
  await add("O7", [["new", "2026-03-31T22:30:00Z"]]);
  await add("O8", [["new", "2026-03-10T10:00:00Z"], ["picking", "2026-03-10T20:00:00Z"], ["shipped", "2026-03-11T10:00:00Z"], ["completed", "2026-03-12T10:00:00Z"], ["returned", "2026-03-15T10:00:00Z"]], { channel: "allegro" });
  await add("O10", [["new", "2026-04-10T03:00:00Z"], ["picking", "2026-04-10T04:00:00Z"]]);
  await add("O11", [["new", "2026-04-09T09:00:00Z"], ["picking", "2026-04-09T10:00:00Z"]]);
  await add("O12", [["new", "2026-04-01T10:00:00Z"], ["picking", "2026-04-01T11:00:00Z"], ["shipped", "2026-04-02T10:00:00Z"]], {
    touches: [{ type: "payment_recorded", at: "2026-04-09T10:00:00Z" }],
  });
  march = { from: "2026-03-01", to: "2026-03-31", orderType: wf.type.code };
});
afterAll(async () => handle?.close());

/**
 * Medians and 90th percentiles come from duration buckets (ADR 0157): within a bucket's width
 * (9 %) of the exact figure, and half an hour for stays still open (counted by the hour they began).
 */
function expectNearPercentile(actualHours: number, exactHours: number) {
  expect(Math.abs(actualHours - exactHours)).toBeLessThanOrEqual(exactHours * (2 ** (1 / 8) - 1) + 0.5);
}

function row(rows: TimeInStatus[], code: string) {
  const found = rows.find((r) => r.code === code);
  if (!found) throw new Error(`no time-in-status row for ${code}`);
  return { stays: found.stays, open: found.open, median: found.medianSeconds / H, p90: found.p90Seconds / H, breaches: found.slaBreaches };
}

describe("time in status", () => {
  it("gives each open status's median and 90th percentile over the stays that began in the period", async () => {
    const rows = await loadTimeInStatus(db, march, { now: NOW });
    const s = wf.status;
    // new: 1, 2, 3, 4, 10 (O5), 10 (O8) hours; O6 entered before March, O7 after.
    const fresh = row(rows, s.new.code);
    expect(fresh).toMatchObject({ stays: 6, open: 0, breaches: 3 });
    expectNearPercentile(fresh.median, 3.5);
    expectNearPercentile(fresh.p90, 10);
    // picking: 0.5, 10, 10, 14, 20, 40, 740 hours (O4 left it after the period: still its stay).
    const picking = row(rows, s.picking.code);
    expect(picking).toMatchObject({ stays: 7, open: 0, breaches: 2 });
    expectNearPercentile(picking.median, 14);
    expectNearPercentile(picking.p90, 40 + 0.4 * 700);
    // shipped: 24, 52, 60, 168 and O5's open stay, 954.5 hours until now; no SLA, no breaches.
    const shipped = row(rows, s.shipped.code);
    expect(shipped).toMatchObject({ stays: 5, open: 1, breaches: 0 });
    expectNearPercentile(shipped.median, 60);
    expectNearPercentile(shipped.p90, 168 + 0.6 * (954.5 - 168));
    // Terminal statuses are where orders rest: not listed.
    expect(rows.map((r) => r.code).sort()).toEqual([s.new.code, s.picking.code, s.shipped.code].sort());
  });

  it("narrows to one sales channel", async () => {
    const rows = await loadTimeInStatus(db, { ...march, channel: "shop" }, { now: NOW });
    const fresh = row(rows, wf.status.new.code);
    expect(fresh).toMatchObject({ stays: 5, breaches: 2 });
    expectNearPercentile(fresh.median, 3);
    expectNearPercentile(fresh.p90, 4 + 0.6 * 6);
    const picking = row(rows, wf.status.picking.code);
    expect(picking.stays).toBe(6);
    expectNearPercentile(picking.median, 15);
    expectNearPercentile(picking.p90, 40 + 0.5 * 700);
  });

  it("counts a stay by the Warsaw day it began in, across the DST change", async () => {
    // 1 April in Warsaw only: O7 (22:30Z on 31 March) and nothing else.
    const rows = await loadTimeInStatus(db, { ...march, from: "2026-04-01", to: "2026-04-01" }, { now: NOW });
    const fresh = row(rows, wf.status.new.code);
    expect(fresh).toMatchObject({ stays: 2, open: 1 }); // O7, still new, and O12's 1 h
  });
});

describe("orders entered and completed per day", () => {
  it("lists every day of the period with entries and completions in Warsaw time", async () => {
    const days = await loadDailyFlow(db, march);
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual({ day: "2026-03-01", entered: 1, completed: 0 });
    const busy = days.filter((d) => d.entered || d.completed);
    expect(busy).toEqual([
      { day: "2026-03-01", entered: 1, completed: 0 }, // O5, 23:30Z the evening before
      { day: "2026-03-02", entered: 1, completed: 0 },
      { day: "2026-03-03", entered: 1, completed: 0 },
      { day: "2026-03-04", entered: 1, completed: 0 },
      { day: "2026-03-05", entered: 1, completed: 1 }, // O4 in, O1 done
      { day: "2026-03-06", entered: 0, completed: 1 },
      { day: "2026-03-10", entered: 1, completed: 1 }, // O8 in; O6 (created in February) done
      { day: "2026-03-12", entered: 0, completed: 1 },
    ]);
  });

  it("narrows to a channel", async () => {
    const days = await loadDailyFlow(db, { ...march, channel: "allegro" });
    expect(days.filter((d) => d.entered || d.completed)).toEqual([
      { day: "2026-03-10", entered: 1, completed: 0 },
      { day: "2026-03-12", entered: 0, completed: 1 },
    ]);
  });
});

describe("funnel and rates", () => {
  it("follows the period's orders through the group kinds up to the period's end", async () => {
    const funnel = await loadFunnel(db, march);
    expect(funnel.cohort).toBe(6); // O1-O5, O8
    expect(funnel.steps.map((s) => [s.kind, s.orders])).toEqual([
      ["new", 6],
      ["in_progress", 6],
      ["completed", 3], // O1, O2, O8 (O6 is February's)
      ["not_completed", 2], // O3 cancelled, O8 returned; O4 was cancelled in April
    ]);
    expect(funnel.steps[2]!.share).toBeCloseTo(0.5, 12);
  });

  it("tells cancellations from returns", async () => {
    const rates = await loadRates(db, march);
    expect(rates).toMatchObject({ cohort: 6, cancelled: 1, returned: 1 });
    expect(rates.cancellationRate).toBeCloseTo(1 / 6, 12);
    expect(rates.returnRate).toBeCloseTo(1 / 6, 12);
    const april = await loadRates(db, { ...march, from: "2026-03-01", to: "2026-04-10" });
    // O4's April cancellation now falls inside; O7, O10, O11, O12 join the cohort.
    expect(april).toMatchObject({ cohort: 10, cancelled: 2, returned: 1 });
  });

  it("gives zeros, not NaN, for a period without orders", async () => {
    const empty = { ...march, from: "2025-01-01", to: "2025-01-31" };
    expect(await loadRates(db, empty)).toEqual({ cohort: 0, cancelled: 0, returned: 0, cancellationRate: 0, returnRate: 0 });
    expect((await loadFunnel(db, empty)).steps.every((s) => s.orders === 0 && s.share === 0)).toBe(true);
    expect(await loadTimeInStatus(db, empty, { now: NOW })).toEqual([]);
  });
});

describe("orders now", () => {
  it("counts orders per status and per group, whatever the period", async () => {
    const rows = await countOrdersByStatus(db, march);
    const s = wf.status;
    expect(Object.fromEntries(rows.map((r) => [r.code, r.orders]))).toEqual({
      [s.new.code]: 1,
      [s.picking.code]: 2,
      [s.shipped.code]: 2,
      [s.completed.code]: 3,
      [s.cancelled.code]: 2,
      [s.returned.code]: 1,
    });
    expect(sumByGroup(rows).map((g) => [g.kind, g.orders])).toEqual([
      ["new", 1],
      ["in_progress", 4],
      ["completed", 3],
      ["not_completed", 3],
    ]);
    const allegro = await countOrdersByStatus(db, { ...march, channel: "allegro" });
    expect(allegro.map((r) => [r.code, r.orders])).toEqual([[s.returned.code, 1]]);
  });
});

describe("stuck orders", () => {
  it("lists open orders over their SLA or without any event for the idle days, longest waiting first", async () => {
    const stuck = await loadStuckOrders(db, march, { idleDays: 3, now: NOW });
    expect(stuck.total).toBe(3);
    expect(stuck.rows.map((r) => [r.number, r.overSla, r.idle])).toEqual([
      [numbers.O5, false, true], // shipped has no SLA; untouched since 1 March
      [numbers.O7, true, true],
      [numbers.O11, true, false], // 28 h in picking, SLA 24 h
    ]);
    // O12 sits in shipped since 2 April but had a payment on 9 April: touched, so not idle.
    expect(stuck.rows.some((r) => r.number === numbers.O12)).toBe(false);
    expect(stuck.rows[0]).toMatchObject({ orderTypeCode: wf.type.code, statusCode: wf.status.shipped.code, channel: "shop" });
  });

  it("takes the idle days from the caller", async () => {
    // Eight idle days: O12 (payment 9 April) and O11 still no; O7 (10 days) and O5 yes.
    const week = await loadStuckOrders(db, march, { idleDays: 10, now: NOW });
    expect(week.rows.map((r) => [r.number, r.idle])).toEqual([
      [numbers.O5, true],
      [numbers.O7, false], // created 31 March 22:30Z: 9 days 15.5 hours ago
      [numbers.O11, false],
    ]);
  });

  it("caps the list and its count, and says when there are more", async () => {
    const first = await loadStuckOrders(db, march, { idleDays: 3, now: NOW, limit: 1 });
    expect(first).toMatchObject({ total: 1, more: true });
    expect(first.rows.map((r) => r.number)).toEqual([numbers.O5]);
    const all = await loadStuckOrders(db, march, { idleDays: 3, now: NOW, limit: 3 });
    expect(all).toMatchObject({ total: 3, more: false });
  });
});
