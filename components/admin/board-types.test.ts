import { describe, expect, it } from "vitest";
import { changedGroups, type BoardGroup } from "./board-types";

const group = (id: number, statusIds: number[]): BoardGroup => ({
  id,
  name: `G${id}`,
  stored: { name: `G${id}`, translations: { pl: "", en: "" } },
  colour: "#000000",
  kind: "in_progress",
  statusIds,
});

describe("changedGroups", () => {
  const before = [group(1, [10, 11]), group(2, [20]), group(3, [])];

  it("keeps only the group reordered within itself", () => {
    expect(changedGroups([group(1, [11, 10]), group(2, [20]), group(3, [])], before)).toEqual([group(1, [11, 10])]);
  });

  it("keeps both groups of a move between them, the emptied one too", () => {
    expect(changedGroups([group(1, [10]), group(2, [20]), group(3, [11])], before).map((g) => g.id)).toEqual([1, 3]);
    expect(changedGroups([group(1, [10, 11]), group(2, []), group(3, [20])], before).map((g) => g.id)).toEqual([2, 3]);
  });

  it("keeps nothing when nothing moved", () => {
    expect(changedGroups(before, before)).toEqual([]);
  });
});
