/** What the automation screens get from their pages: plain data, no database rows. */
export type RuleListItem = { id: number; name: string; enabled: boolean; sentence: string; recentFailures: number };

export type CodeName = { code: string; name: string };

export type EditorOptions = {
  statuses: (CodeName & { archived: boolean })[];
  orderTypes: CodeName[];
};

export type PresetItem = { key: string; title: string; description: string; ruleCount: number; missingStatuses: string[] };
