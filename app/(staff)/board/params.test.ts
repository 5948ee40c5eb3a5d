import { describe, expect, it } from "vitest";
import { boardSearchSchema, columnLimits, filtersOf } from "./params";

describe("board URL", () => {
  it("reads how deep each column is open, within bounds, ignoring junk", () => {
    expect([...columnLimits("12.100,15.150")]).toEqual([
      [12, 100],
      [15, 150],
    ]);
    // The first page is the default, the cap is 1,000, and nonsense is dropped.
    expect([...columnLimits("3.50,4.99999,x.y,7,,8.-5")]).toEqual([[4, 1000]]);
    expect(columnLimits(undefined).size).toBe(0);
  });

  it("turns the query string into filters and drops values it does not know", () => {
    const search = boardSearchSchema.parse({ type: "retail", paid: "maybe", overdue: "1", q: " anna ", payment: "cod", channel: "" });
    expect(filtersOf(search)).toEqual({
      channel: undefined,
      courier: undefined,
      paymentMethod: "cod",
      paid: undefined,
      overdue: true,
      q: "anna",
    });
  });
});
