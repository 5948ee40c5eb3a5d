import type { GroupKind } from "@/lib/workflow";
import type { FieldErrors } from "@/lib/result";

export type BoardStatus = { id: number; code: string; name: string; colour: string; archived: boolean };
export type BoardGroup = { id: number; name: string; colour: string; kind: GroupKind; statusIds: number[] };

/** What a workflow-studio server action answers (AdminActionState, seen from the client). */
export type StudioResult<T = unknown> = {
  ok?: boolean;
  message?: string;
  code?: string;
  fieldErrors?: FieldErrors;
  data?: T;
  lint?: { message: string; orderType: { name: string }; fix?: { kind: "remove_transition"; from: number; to: number } }[];
};
export type StudioAction<T = unknown> = (input: unknown) => Promise<StudioResult<T>>;

export const KIND_LABELS: Record<GroupKind, string> = {
  new: "New",
  in_progress: "In progress",
  completed: "Completed (closes the order)",
  not_completed: "Not completed (closes the order)",
};

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
