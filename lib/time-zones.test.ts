import { describe, expect, it } from "vitest";
import { currentTimeZoneOptions, knownTimeZones, timeZoneOptions, utcOffset } from "./time-zones";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");

describe("time zones offered in the settings", () => {
  it("says each zone's offset on the given day, summer time included", () => {
    expect(utcOffset("Europe/Warsaw", WINTER)).toBe("+01:00");
    expect(utcOffset("Europe/Warsaw", SUMMER)).toBe("+02:00");
    expect(utcOffset("America/St_Johns", WINTER)).toBe("−03:30");
    expect(utcOffset("Asia/Kathmandu", WINTER)).toBe("+05:45");
    expect(utcOffset("Africa/Abidjan", WINTER)).toBe("+00:00");
  });

  it("keeps the values as stored and labels each with its offset, UTC bare", () => {
    const options = timeZoneOptions(WINTER, ["UTC", "America/New_York", "Europe/Warsaw"]);
    expect(options).toEqual([
      { value: "UTC", label: "UTC" },
      { value: "America/New_York", label: "America/New York (UTC−05:00)" },
      { value: "Europe/Warsaw", label: "Europe/Warsaw (UTC+01:00)" },
    ]);
  });

  it("knows every zone the runtime does, once, UTC first", () => {
    const known = knownTimeZones();
    expect(known[0]).toBe("UTC");
    expect(new Set(known).size).toBe(known.length);
    expect(known).toEqual(expect.arrayContaining(Intl.supportedValuesOf("timeZone")));
  });

  it("offers every zone the server knows, once", () => {
    const values = currentTimeZoneOptions(WINTER).map((o) => o.value);
    expect(values[0]).toBe("UTC");
    expect(new Set(values).size).toBe(values.length);
    expect(values).toEqual(expect.arrayContaining(Intl.supportedValuesOf("timeZone")));
  });

  it("works the labels out again in a new hour, when an offset may have changed", () => {
    const before = currentTimeZoneOptions(new Date("2026-03-29T00:30:00Z")).find((o) => o.value === "Europe/Warsaw");
    const after = currentTimeZoneOptions(new Date("2026-03-29T01:30:00Z")).find((o) => o.value === "Europe/Warsaw");
    expect([before?.label, after?.label]).toEqual(["Europe/Warsaw (UTC+01:00)", "Europe/Warsaw (UTC+02:00)"]);
  });
});
