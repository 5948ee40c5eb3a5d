// Public surface of the workflow engine. Pure: no IO, safe to import from server and client code.
export type {
  GroupKind,
  GuardFailureReason,
  GuardResult,
  LintCode,
  LintFix,
  LintIssue,
  LintSeverity,
  OrderFacts,
  RoleRef,
  StatusRef,
  StatusRights,
  TargetDescription,
  TransitionVerdict,
  WorkflowDefinition,
  WorkflowStatus,
} from "./types";
export { isTerminal } from "./status-kind";
export { allowedTargets, reachableFrom } from "./graph";
export { leavesOrdersStuck, stuckStatusIds } from "./stranding";
export { checkGuards } from "./guards";
export { describeTargets, evaluateTransition } from "./evaluate";
export { hasLintErrors, introducedErrors, lintWorkflow } from "./lint";
