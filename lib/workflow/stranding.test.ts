import { describe, expect, it } from "vitest";
import { leavesOrdersStuck, stuckStatusIds } from "./stranding";
import { CANCELLED, COMPLETED, NEW, OLD_PACKING, PICKING, SHIPPED, retailWorkflow } from "./test-fixtures";
import type { WorkflowDefinition } from "./types";

const without = (def: WorkflowDefinition, from: number): WorkflowDefinition => ({
  ...def,
  transitions: def.transitions.filter((t) => t.from !== from),
});
const statusOf = (def: WorkflowDefinition, id: number) => def.statuses.find((s) => s.id === id)!;

describe("leavesOrdersStuck", () => {
  it("is true for an open status without an exit, false once it has one", () => {
    const def = retailWorkflow();
    expect(leavesOrdersStuck(def, statusOf(def, SHIPPED))).toBe(false);
    expect(leavesOrdersStuck(without(def, SHIPPED), statusOf(def, SHIPPED))).toBe(true);
  });

  it("never counts a status that closes the order", () => {
    const def = retailWorkflow();
    expect(leavesOrdersStuck(def, statusOf(def, COMPLETED))).toBe(false);
    expect(leavesOrdersStuck(def, statusOf(def, CANCELLED))).toBe(false);
  });

  it("counts exits into archived statuses and into itself as none", () => {
    const base = without(retailWorkflow(), PICKING);
    const def = { ...base, transitions: [...base.transitions, { from: PICKING, to: OLD_PACKING }, { from: PICKING, to: PICKING }] };
    expect(leavesOrdersStuck(def, statusOf(def, PICKING))).toBe(true);
  });

  it("holds for an archived status an order still sits in: stuck only without a live exit", () => {
    const def = retailWorkflow();
    expect(leavesOrdersStuck(def, statusOf(def, OLD_PACKING))).toBe(true);
    const withExit = { ...def, transitions: [...def.transitions, { from: OLD_PACKING, to: SHIPPED }] };
    expect(leavesOrdersStuck(withExit, statusOf(withExit, OLD_PACKING))).toBe(false);
  });
});

describe("stuckStatusIds", () => {
  it("lists every open status without a way forward, in status order", () => {
    const def = without(without(retailWorkflow(), SHIPPED), NEW);
    expect(stuckStatusIds(def)).toEqual(expect.arrayContaining([NEW, SHIPPED]));
    expect(stuckStatusIds(def)).not.toContain(COMPLETED);
    expect(stuckStatusIds(def).indexOf(NEW)).toBeLessThan(stuckStatusIds(def).indexOf(SHIPPED));
  });
});
