import { describe, expect, it } from "vitest";
import { allowedTargets, reachableFrom } from "./graph";
import {
  AWAITING_PAYMENT,
  CANCELLED,
  COMPLETED,
  NEW,
  OLD_PACKING,
  PICKING,
  SHIPPED,
  retailWith,
  retailWorkflow,
} from "./test-fixtures";

const ids = (statuses: { id: number }[]) => statuses.map((s) => s.id);

describe("allowedTargets", () => {
  it("lists the matrix targets in status order", () => {
    expect(ids(allowedTargets(retailWorkflow(), NEW))).toEqual([AWAITING_PAYMENT, PICKING, CANCELLED]);
    expect(ids(allowedTargets(retailWorkflow(), SHIPPED))).toEqual([COMPLETED]);
  });

  it("follows status order, not transition order", () => {
    const def = retailWorkflow();
    def.transitions.reverse();
    expect(ids(allowedTargets(def, NEW))).toEqual([AWAITING_PAYMENT, PICKING, CANCELLED]);
  });

  it("returns nothing for a status with no way out", () => {
    expect(allowedTargets(retailWorkflow(), COMPLETED)).toEqual([]);
  });

  it("leaves out archived targets", () => {
    const def = retailWith({ from: PICKING, to: OLD_PACKING });
    expect(ids(allowedTargets(def, PICKING))).toEqual([SHIPPED, CANCELLED]);
  });

  it("lists a target once even when the matrix repeats it", () => {
    const def = retailWith({ from: SHIPPED, to: COMPLETED }, { from: SHIPPED, to: COMPLETED });
    expect(ids(allowedTargets(def, SHIPPED))).toEqual([COMPLETED]);
  });

  it("never offers staying in the same status", () => {
    const def = retailWith({ from: SHIPPED, to: SHIPPED });
    expect(ids(allowedTargets(def, SHIPPED))).toEqual([COMPLETED]);
  });

  it("ignores matrix pairs pointing at statuses that do not exist", () => {
    const def = retailWith({ from: SHIPPED, to: 99 });
    expect(ids(allowedTargets(def, SHIPPED))).toEqual([COMPLETED]);
  });
});

describe("reachableFrom", () => {
  it("includes the start and everything downstream", () => {
    expect(reachableFrom(retailWorkflow(), PICKING)).toEqual(new Set([PICKING, SHIPPED, CANCELLED, COMPLETED]));
  });

  it("reaches every status in the process from the initial one", () => {
    expect(reachableFrom(retailWorkflow(), NEW)).toEqual(
      new Set([NEW, AWAITING_PAYMENT, PICKING, SHIPPED, COMPLETED, CANCELLED]),
    );
  });

  it("does not walk transitions backwards", () => {
    expect(reachableFrom(retailWorkflow(), COMPLETED)).toEqual(new Set([COMPLETED]));
  });

  it("terminates on cycles", () => {
    const def = retailWith({ from: CANCELLED, to: NEW });
    expect(reachableFrom(def, CANCELLED).size).toBe(6);
  });
});
