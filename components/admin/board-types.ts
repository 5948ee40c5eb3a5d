import type { GroupKind } from "@/lib/workflow";
import type { ActionResult } from "@/lib/action-result";
import type { EditableNames } from "./name-translations";

export type BoardStatus = { id: number; code: string; name: string; colour: string; archived: boolean };
/** `name` is the group's name in the reader's language; `stored` is what its editor starts from. */
export type BoardGroup = { id: number; name: string; stored: EditableNames; colour: string; kind: GroupKind; statusIds: number[] };

/** A workflow-studio server action as a screen calls it. */
export type StudioAction<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** Every group kind, in the board's order; each is worded by the catalogue's `statuses.kinds`. */
export const GROUP_KINDS: readonly GroupKind[] = ["new", "in_progress", "completed", "not_completed"];

export const dndId = {
  group: (id: number) => `g:${id}`,
  status: (id: number) => `s:${id}`,
  parse(id: string | number): { type: "group" | "status"; id: number } {
    const [prefix, raw] = String(id).split(":");
    return { type: prefix === "g" ? "group" : "status", id: Number(raw) };
  },
};

/**
 * The groups whose statuses a drag changed. Only these are saved, so a status another admin added,
 * or a group another admin deleted, elsewhere cannot get the save refused; the server keeps every
 * group it is not told about.
 */
export function changedGroups(next: BoardGroup[], previous: BoardGroup[]): BoardGroup[] {
  const before = new Map(previous.map((g) => [g.id, g.statusIds.join(",")]));
  return next.filter((g) => before.get(g.id) !== g.statusIds.join(","));
}
