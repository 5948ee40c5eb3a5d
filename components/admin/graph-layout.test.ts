import { describe, expect, it } from "vitest";
import { fitToWidth, layoutWorkflow, NODE } from "./graph-layout";
import { statusesOfType } from "./matrix-statuses";

const groups = [{ id: 1 }, { id: 2 }, { id: 3 }];
const shop = [
  { id: 10, groupId: 1 },
  { id: 11, groupId: 1 },
  { id: 20, groupId: 2 },
  { id: 21, groupId: 2 },
  { id: 22, groupId: 2 },
  { id: 30, groupId: 3 },
  { id: 31, groupId: 3 },
];
const chain = [
  { from: 10, to: 20 },
  { from: 20, to: 21 },
  { from: 21, to: 30 },
  { from: 10, to: 31 },
  { from: 20, to: 31 },
];

describe("layoutWorkflow", () => {
  it("draws exactly the statuses it is given: the order type's, not the shop's", () => {
    const statuses = statusesOfType(shop, { initialStatusId: 10, pairs: chain });
    const layout = layoutWorkflow({ statuses, groups, transitions: chain });
    expect([...layout.statusBoxes.keys()].sort()).toEqual([10, 20, 21, 30, 31]);
    expect(layout.statusBoxes.has(11)).toBe(false);
    expect(layout.statusBoxes.has(22)).toBe(false);
  });

  it("frames only the groups that hold a drawn status", () => {
    const layout = layoutWorkflow({ statuses: shop.filter((s) => s.groupId !== 3), groups, transitions: [{ from: 10, to: 20 }] });
    expect([...layout.groupBoxes.keys()].sort()).toEqual([1, 2]);
  });

  it("flows downwards: each step of a chain sits below the one before", () => {
    const statuses = statusesOfType(shop, { initialStatusId: 10, pairs: chain });
    const { statusBoxes, groupBoxes } = layoutWorkflow({ statuses, groups, transitions: chain });
    const top = (id: number, group: number) => (statusBoxes.get(id)?.y ?? NaN) + (groupBoxes.get(group)?.y ?? 0);
    expect(top(20, 2)).toBeGreaterThan(top(10, 1));
    expect(top(21, 2)).toBeGreaterThan(top(20, 2));
    expect(top(30, 3)).toBeGreaterThan(top(21, 2));
  });

  it("a long chain stays one node wide, so it fits a screen without shrinking", () => {
    const statuses = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, groupId: 1 }));
    const transitions = statuses.slice(1).map((s) => ({ from: s.id - 1, to: s.id }));
    const { bounds } = layoutWorkflow({ statuses, groups: [{ id: 1 }], transitions });
    expect(bounds.width).toBeLessThan(NODE.width * 2);
    expect(bounds.height).toBeGreaterThan(NODE.height * 12);
  });

  it("its bounds hold every group and status box", () => {
    const statuses = statusesOfType(shop, { initialStatusId: 10, pairs: chain });
    const { bounds, groupBoxes, statusBoxes } = layoutWorkflow({ statuses, groups, transitions: chain });
    for (const s of statuses) {
      const parent = groupBoxes.get(s.groupId);
      const box = statusBoxes.get(s.id);
      if (!box || !parent) throw new Error("not laid out");
      expect(parent.x + box.x).toBeGreaterThanOrEqual(bounds.x);
      expect(parent.y + box.y + box.height).toBeLessThanOrEqual(bounds.y + bounds.height);
    }
    for (const g of groupBoxes.values()) expect(g.x + g.width).toBeLessThanOrEqual(bounds.x + bounds.width);
  });
});

describe("fitToWidth", () => {
  const bounds = { x: 10, y: 20, width: 400, height: 300 };

  it("never draws larger than life: a narrow picture is centred at zoom 1", () => {
    const fit = fitToWidth(bounds, 1000, { minZoom: 0.8 });
    expect(fit.zoom).toBe(1);
    expect(fit.x + bounds.x).toBeCloseTo((1000 - 400) / 2);
    expect(fit.height).toBe(300 + 32);
  });

  it("shrinks a wider picture to the width", () => {
    const fit = fitToWidth({ ...bounds, width: 968 }, 900, { minZoom: 0.5, pad: 16 });
    expect(fit.zoom).toBeCloseTo(868 / 968);
    expect(fit.x + bounds.x * fit.zoom).toBeCloseTo(16);
    expect(fit.height).toBe(Math.ceil(300 * fit.zoom + 32));
  });

  it("never below the readable zoom: a very wide picture starts at its left edge", () => {
    const fit = fitToWidth({ ...bounds, width: 4000 }, 900, { minZoom: 12 / 14 });
    expect(fit.zoom).toBeCloseTo(12 / 14);
    expect(fit.x + bounds.x * fit.zoom).toBeCloseTo(16);
  });

  it("puts the picture's top at the padding", () => {
    const fit = fitToWidth(bounds, 1000, { minZoom: 0.8, pad: 20 });
    expect(fit.y + bounds.y * fit.zoom).toBeCloseTo(20);
  });
});
