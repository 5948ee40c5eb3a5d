import { describe, expect, it } from "vitest";
import { statusesOfType, statusesToAdd } from "./matrix-statuses";

const shop = [
  { id: 1, name: "Received", archived: false },
  { id: 2, name: "Paid", archived: false },
  { id: 3, name: "Packed", archived: false },
  { id: 4, name: "Shipped", archived: false },
  { id: 5, name: "Old", archived: true },
  { id: 6, name: "Wholesale only", archived: false },
];
const ids = (list: { id: number }[]) => list.map((s) => s.id);

describe("statusesOfType", () => {
  it("lists the initial status and every status in the matrix, in the shop's order", () => {
    const shown = statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 4, to: 2 }, { from: 1, to: 4 }] });
    expect(ids(shown)).toEqual([1, 2, 4]);
  });

  it("leaves out the shop's statuses the order type does not use", () => {
    const shown = statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 1, to: 2 }] });
    expect(ids(shown)).not.toContain(3);
    expect(ids(shown)).not.toContain(6);
  });

  it("shows the initial status alone when the matrix is empty", () => {
    expect(ids(statusesOfType(shop, { initialStatusId: 3, pairs: [] }))).toEqual([3]);
  });

  it("keeps an archived status while the matrix still uses it", () => {
    expect(ids(statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 1, to: 5 }] }))).toEqual([1, 5]);
    expect(ids(statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 1, to: 2 }] }))).not.toContain(5);
  });

  it("adds the statuses added on the screen, without transitions, in the shop's order", () => {
    const shown = statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 1, to: 4 }], added: [6, 3] });
    expect(ids(shown)).toEqual([1, 3, 4, 6]);
  });

  it("ignores added or matrix ids the shop does not have", () => {
    expect(ids(statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 1, to: 99 }], added: [42] }))).toEqual([1]);
  });
});

describe("statusesToAdd", () => {
  it("offers the live statuses not shown yet, never an archived one", () => {
    const shown = statusesOfType(shop, { initialStatusId: 1, pairs: [{ from: 1, to: 2 }] });
    expect(ids(statusesToAdd(shop, shown))).toEqual([3, 4, 6]);
  });

  it("offers nothing once every live status is shown", () => {
    expect(statusesToAdd(shop, shop.filter((s) => !s.archived))).toEqual([]);
  });
});
