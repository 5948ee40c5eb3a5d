import { describe, expect, it } from "vitest";
import { analyticsFiltersSchema, daysOf, shopToday } from "./filters";
import { resolveSearch, searchParamsOf } from "./period";

// 23:30 UTC on 30 June is already 1 July in Warsaw (UTC+2 in summer).
const NOW = new Date("2026-06-30T23:30:00Z");

describe("resolveSearch", () => {
  it("defaults to the last 30 days, today included, in the shop's time zone", () => {
    expect(shopToday(NOW)).toBe("2026-07-01");
    const resolved = resolveSearch({}, NOW);
    expect(resolved).toMatchObject({ period: "30d", idleDays: 3, errors: {} });
    expect(resolved.filters).toEqual({ from: "2026-06-02", to: "2026-07-01" });
  });

  it("reads presets, order type, channel and idle days", () => {
    const resolved = resolveSearch({ period: "7d", type: "retail", channel: "allegro", idle: "5" }, NOW);
    expect(resolved.filters).toEqual({ from: "2026-06-25", to: "2026-07-01", orderType: "retail", channel: "allegro" });
    expect(resolved.idleDays).toBe(5);
  });

  it("takes custom dates, and custom is implied by dates alone", () => {
    expect(resolveSearch({ from: "2026-03-01", to: "2026-03-31" }, NOW)).toMatchObject({
      period: "custom",
      filters: { from: "2026-03-01", to: "2026-03-31" },
      errors: {},
    });
  });

  it("explains bad custom dates field by field and shows the default period instead", () => {
    const reversed = resolveSearch({ period: "custom", from: "2026-03-31", to: "2026-03-01" }, NOW);
    expect(reversed.errors).toEqual({ to: ["endBeforeStart"] });
    expect(reversed.filters).toMatchObject({ from: "2026-06-02", to: "2026-07-01" });
    const nonsense = resolveSearch({ period: "custom", from: "2026-02-30", to: "yesterday" }, NOW);
    expect(Object.keys(nonsense.errors).sort()).toEqual(["from", "to"]);
    const long = resolveSearch({ from: "2024-01-01", to: "2026-01-01" }, NOW);
    expect(long.errors.to).toEqual(["periodTooLong"]);
  });

  it("refuses idle days outside 1-365 with a message and keeps the default", () => {
    const resolved = resolveSearch({ idle: "0" }, NOW);
    expect(resolved.idleDays).toBe(3);
    expect(resolved.errors.idle).toEqual(["idleDays"]);
  });

  it("round-trips through the query string", () => {
    const resolved = resolveSearch({ from: "2026-03-01", to: "2026-03-31", type: "retail", idle: "7" }, NOW);
    const again = resolveSearch(Object.fromEntries(searchParamsOf(resolved)), NOW);
    expect(again).toEqual(resolved);
    expect(searchParamsOf(resolveSearch({}, NOW)).toString()).toBe("period=30d");
  });
});

describe("the filter schema", () => {
  it("lists every day of a period, across the end of a month", () => {
    expect(daysOf({ from: "2026-02-27", to: "2026-03-02" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("refuses dates that are not on the calendar", () => {
    expect(analyticsFiltersSchema.safeParse({ from: "2026-02-29", to: "2026-03-01" }).success).toBe(false);
    expect(analyticsFiltersSchema.safeParse({ from: "2026-03-01", to: "2026-03-01" }).success).toBe(true);
  });
});
