import { describe, expect, it } from "vitest";
import { afterSalesEligibility, COMPLAINT_WINDOW_DAYS } from "./eligibility";
import { returnableLines } from "./quantities";

const DAY = 24 * 60 * 60 * 1000;
const completedAt = new Date("2026-11-01T12:00:00Z");
const base = { orderKind: "sale", statusKind: "completed", statusChangedAt: completedAt, returnWindowDays: 14 } as const;
const at = (days: number) => new Date(completedAt.getTime() + days * DAY);

describe("afterSalesEligibility", () => {
  it("opens a return until the window's last moment, counted from completion", () => {
    expect(afterSalesEligibility("return", { ...base, now: at(14) })).toEqual({ eligible: true, closesAt: at(14) });
    expect(afterSalesEligibility("return", { ...base, now: new Date(at(14).getTime() + 1) })).toEqual({ eligible: false, reason: "window_closed", closesAt: at(14) });
    expect(afterSalesEligibility("return", { ...base, returnWindowDays: 0, now: at(0) }).eligible).toBe(true);
  });

  it("gives complaints the statutory two years, whatever the return window", () => {
    expect(afterSalesEligibility("complaint", { ...base, now: at(COMPLAINT_WINDOW_DAYS) }).eligible).toBe(true);
    expect(afterSalesEligibility("complaint", { ...base, now: at(COMPLAINT_WINDOW_DAYS + 1) }).eligible).toBe(false);
  });

  it("takes only sales in a completed status", () => {
    for (const statusKind of ["new", "in_progress", "not_completed"] as const) {
      expect(afterSalesEligibility("return", { ...base, statusKind, now: at(1) })).toEqual({ eligible: false, reason: "not_completed", closesAt: null });
    }
    expect(afterSalesEligibility("return", { ...base, orderKind: "return", now: at(1) })).toMatchObject({ reason: "not_a_sale" });
  });
});

describe("returnableLines", () => {
  it("sums a SKU's lines and takes off what earlier requests hold, never below zero", () => {
    const sale = [
      { sku: "A", name: "A", quantity: 2, unitPrice: 100, vatRate: 23 },
      { sku: "B", name: "B", quantity: 1, unitPrice: 50, vatRate: 23 },
      { sku: "A", name: "A", quantity: 1, unitPrice: 100, vatRate: 23 },
    ];
    const earlier = [[{ ...sale[0]!, quantity: 1 }], [{ ...sale[1]!, quantity: 5 }]];
    expect(returnableLines(sale, earlier)).toEqual([
      { sku: "A", name: "A", ordered: 3, held: 1, left: 2 },
      { sku: "B", name: "B", ordered: 1, held: 5, left: 0 },
    ]);
  });
});
