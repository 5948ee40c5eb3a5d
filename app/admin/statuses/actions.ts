"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/result";
import { adminActions as act } from "../_actions/server";
import { toAdminState, type AdminActionState } from "../_actions/state";

// Statuses and groups show on the admin overview, the board and every order page: refresh them all.
function revalidateStatuses() {
  revalidatePath("/admin", "layout");
  revalidatePath("/orders", "layout");
}

async function run<T>(result: Promise<Result<T>>, success: (value: T) => string): Promise<AdminActionState<T>> {
  const settled = await result;
  if (settled.ok) revalidateStatuses();
  return toAdminState(settled, success);
}

export async function saveLayoutAction(input: unknown) {
  return run(act.saveLayout(input), () => "Order saved.");
}
export async function reorderGroupsAction(input: unknown) {
  return run(act.reorderGroups(input), () => "Group order saved.");
}
export async function createGroupAction(input: unknown) {
  return run(act.createGroup(input), (g) => `Group ${g.name} created.`);
}
export async function updateGroupAction(input: unknown) {
  return run(act.updateGroup(input), (g) => `Group ${g.name} saved.`);
}
export async function deleteGroupAction(input: unknown) {
  return run(act.deleteGroup(input), () => "Group deleted.");
}
export async function applyPresetAction(input: unknown) {
  return run(act.applyPreset(input), (p) => `Preset applied: ${Object.keys(p.statusIds).length} statuses.`);
}
export async function createStatusAction(input: unknown) {
  return run(act.createStatus(input), (s) => `Status ${s.name} created.`);
}
export async function updateStatusAction(input: unknown) {
  return run(act.updateStatus(input), (s) => `Status ${s.name} saved.`);
}
export async function archiveStatusAction(input: unknown) {
  return run(act.archiveStatus(input), (s) => (s.archivedAt ? `${s.name} archived.` : `${s.name} restored.`));
}
export async function deleteStatusAction(input: unknown) {
  return run(act.deleteStatus(input), (s) => `${s.name} deleted.`);
}
