export { MAX_AUTOMATION_DEPTH } from "@/lib/orders/transition";
export { checkConditions, conditionsHold, type ConditionCheck, type OrderFacts } from "./conditions";
export { describeAction, describeConditions, describeDuration, describeRule, describeTrigger, type NameLookup } from "./describe";
export { dryRunAutomations, type DryRunReport, type DryRunTrigger } from "./dry-run";
export { AUTOMATION_PRESETS, applyAutomationPreset, listAutomationPresets, type PresetAvailability } from "./presets";
export {
  createRule,
  deleteRule,
  getRule,
  listRuleRuns,
  listRules,
  reorderRules,
  setRuleEnabled,
  updateRule,
  type RuleRunRow,
} from "./rules";
export { runDueTimeRules, type SchedulerTally } from "./scheduler";
export {
  AUTOMATION_TRIGGERS,
  actionSchema,
  conditionsSchema,
  parseStoredRule,
  ruleInputSchema,
  triggerSchema,
  type ActionSpec,
  type Conditions,
  type RuleInput,
  type RuleSpec,
  type Trigger,
  type TriggerSpec,
} from "./schemas";
export type { ActionOutcome, RuleTrace } from "./trace";
export { listRuleSummaries, loadNameLookup } from "./views";
