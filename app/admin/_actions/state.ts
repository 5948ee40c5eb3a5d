import type { ActionState } from "@/lib/action-state";
import { toActionState } from "@/lib/action-state";
import type { Result } from "@/lib/result";
import type { IntroducedIssue } from "@/lib/workflow-config";

/**
 * Form state for the workflow studio: the shared ActionState plus the saved value (the matrix
 * editor redraws from the server's answer) and, on a lint refusal, the issues that caused it, so
 * the page can show each one with its fix.
 */
export type AdminActionState<T = unknown> = ActionState & { data?: T; lint?: IntroducedIssue[] };

export function toAdminState<T>(result: Result<T>, success: (value: T) => string): AdminActionState<T> {
  const state = toActionState(result, success);
  if (result.ok) return { ...state, data: result.value };
  const lint = result.error.details?.lint;
  return Array.isArray(lint) ? { ...state, lint: lint as IntroducedIssue[] } : state;
}
