import type { DryRunReport } from "@/lib/automation/dry-run";
import type { RuleSpec } from "@/lib/automation/schemas";

/** What the automation screens get from their pages: plain data, no database rows. */
export type RuleListItem = { id: number; name: string; enabled: boolean; sentence: string; recentFailures: number };

export type CodeName = { code: string; name: string };

export type EditorOptions = {
  statuses: (CodeName & { archived: boolean })[];
  orderTypes: CodeName[];
};

export type PresetItem = { key: string; title: string; description: string; ruleCount: number; missingStatuses: string[] };

/** A dry run's report with the rules it considered as they are set up, for wording their actions. */
export type DryRunView = DryRunReport & { specs: Record<number, Pick<RuleSpec, "trigger" | "conditions" | "actions">> };
