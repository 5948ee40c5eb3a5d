"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { toActionState, type ActionState } from "@/lib/action-state";
import { authedAction } from "@/lib/auth";
import type { DryRunReport } from "@/lib/automation";
import type { Result } from "@/lib/result";
import { automationActions } from "./definitions";

const act = automationActions(authedAction, getDb);

async function run<T>(result: Promise<Result<T>>, success: (value: T) => string): Promise<ActionState & { id?: number }> {
  const settled = await result;
  if (settled.ok) revalidatePath("/admin/automations", "layout");
  const state = toActionState(settled, success);
  const value = settled.ok ? (settled.value as { id?: unknown }) : undefined;
  return typeof value?.id === "number" ? { ...state, id: value.id } : state;
}

export async function createRuleAction(input: unknown) {
  return run(act.createRule(input), (r) => `Rule “${r.name}” created.`);
}
export async function updateRuleAction(input: unknown) {
  return run(act.updateRule(input), (r) => `Rule “${r.name}” saved.`);
}
export async function deleteRuleAction(input: unknown) {
  return run(act.deleteRule(input), () => "Rule deleted.");
}
export async function setRuleEnabledAction(input: unknown) {
  return run(act.setEnabled(input), (r) => `“${r.name}” ${r.enabled ? "switched on" : "switched off"}.`);
}
export async function reorderRulesAction(input: unknown) {
  return run(act.reorder(input), () => "Order saved: rules run top to bottom.");
}
export async function applyAutomationPresetAction(input: unknown) {
  return run(act.applyPreset(input), (rules) => `Added ${rules.length === 1 ? "1 rule" : `${rules.length} rules`}.`);
}
/** Changes nothing, so nothing to revalidate. */
export async function dryRunAction(input: unknown): Promise<Result<DryRunReport>> {
  return act.dryRun(input);
}
