"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/result";
import { adminActions as act } from "../_actions/server";
import { toAdminState, type AdminActionState } from "../_actions/state";

function revalidateWorkflows() {
  revalidatePath("/admin", "layout");
  // Order pages offer next statuses from the matrix.
  revalidatePath("/orders", "layout");
}

async function run<T>(result: Promise<Result<T>>, success: (value: T) => string): Promise<AdminActionState<T>> {
  const settled = await result;
  if (settled.ok) revalidateWorkflows();
  return toAdminState(settled, success);
}

export async function createOrderTypeAction(input: unknown) {
  return run(act.createOrderType(input), (t) => `Order type ${t.name} created.`);
}
export async function updateOrderTypeAction(input: unknown) {
  return run(act.updateOrderType(input), (t) => `Order type ${t.name} saved.`);
}
export async function reorderOrderTypesAction(input: unknown) {
  return run(act.reorderOrderTypes(input), () => "Order saved.");
}
export async function copyMatrixAction(input: unknown) {
  return run(act.copyMatrix(input), ({ copied }) => `Matrix copied: ${copied} allowed changes.`);
}
export async function setTransitionAction(input: unknown) {
  return run(act.setTransition(input), () => "Saved.");
}
export async function setTransitionRowAction(input: unknown) {
  return run(act.setTransitionRow(input), () => "Saved.");
}
