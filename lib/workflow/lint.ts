import { reachableFrom } from "./graph";
import { isTerminal } from "./status-kind";
import { leavesOrdersStuck } from "./stranding";
import type { LintCode, LintFix, LintIssue, WorkflowDefinition, WorkflowStatus } from "./types";

/*
 * Checks an order type's process before an admin saves it. Errors describe a process that cannot
 * work (saving is blocked); warnings describe one that works but probably not as intended.
 *
 * Self-transitions are ignored throughout: the engine never performs them (staying put is not a
 * change), so they neither rescue a dead end nor open a terminal status.
 */

type Edge = { from: WorkflowStatus; to: WorkflowStatus };

type Context = {
  def: WorkflowDefinition;
  byId: Map<number, WorkflowStatus>;
  /** Matrix pairs between known statuses, deduplicated, self-transitions dropped, in status order. */
  edges: Edge[];
  /** Known statuses that take part in the process, in the admin's status order. */
  inProcess: WorkflowStatus[];
};

// Rule order breaks ties between issues about the same statuses, so output never depends on
// the order the rules happened to run in.
const RULE_ORDER: LintCode[] = [
  "initial_missing",
  "initial_archived",
  "initial_terminal",
  "unknown_status",
  "contradictory_path",
  "unreachable",
  "dead_end",
  "terminal_exit",
  "archived_target",
  "unpaid_gate",
];

function buildContext(def: WorkflowDefinition): Context {
  const byId = new Map(def.statuses.map((s) => [s.id, s] as const));
  const seen = new Set<string>();
  const edges: Edge[] = [];
  for (const t of def.transitions) {
    const from = byId.get(t.from);
    const to = byId.get(t.to);
    const key = `${t.from}->${t.to}`;
    if (!from || !to || t.from === t.to || seen.has(key)) continue;
    seen.add(key);
    edges.push({ from, to });
  }
  // Status order, not matrix order, so messages listing targets read the same however the
  // matrix happens to be stored.
  const position = new Map(def.statuses.map((s, i) => [s.id, i] as const));
  const pos = (s: WorkflowStatus) => position.get(s.id) ?? 0;
  edges.sort((a, b) => pos(a.from) - pos(b.from) || pos(a.to) - pos(b.to));
  const ids = new Set<number>([def.initialStatusId]);
  for (const t of def.transitions) ids.add(t.from).add(t.to);
  const inProcess = def.statuses.filter((s) => ids.has(s.id));
  return { def, byId, edges, inProcess };
}

function issue(
  severity: LintIssue["severity"],
  code: LintCode,
  message: string,
  statusIds: number[],
  fix?: LintFix,
): LintIssue {
  return fix ? { severity, code, message, statusIds, fix } : { severity, code, message, statusIds };
}

function initialIssues({ def, byId }: Context): LintIssue[] {
  const initial = byId.get(def.initialStatusId);
  if (!initial) {
    const msg = `The initial status #${def.initialStatusId} does not exist`;
    return [issue("error", "initial_missing", msg, [def.initialStatusId])];
  }
  const issues: LintIssue[] = [];
  if (initial.archived) {
    const msg = `The initial status ${initial.name} is archived: new orders would start in a status nobody can choose`;
    issues.push(issue("error", "initial_archived", msg, [initial.id]));
  }
  if (isTerminal(initial.groupKind)) {
    const msg = `The initial status ${initial.name} closes the order: new orders would be finished before anything happens`;
    issues.push(issue("error", "initial_terminal", msg, [initial.id]));
  }
  return issues;
}

function unknownStatusIssues({ def, byId }: Context): LintIssue[] {
  const missing = new Set<number>();
  for (const t of def.transitions) {
    for (const id of [t.from, t.to]) {
      // The initial id already has its own error; saying it twice adds nothing.
      if (!byId.has(id) && id !== def.initialStatusId) missing.add(id);
    }
  }
  return [...missing].map((id) =>
    issue("error", "unknown_status", `A transition refers to status #${id}, which does not exist`, [id]),
  );
}

function edgeIssues({ edges }: Context): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const { from, to } of edges) {
    if (isTerminal(from.groupKind) && to.awaitsPayment) {
      const msg = `${from.name} leads to ${to.name}: asking for payment on an order that is already closed`;
      const fix: LintFix = { kind: "remove_transition", from: from.id, to: to.id };
      issues.push(issue("error", "contradictory_path", msg, [from.id, to.id], fix));
    }
    if (to.archived) {
      const msg = `${from.name} leads to ${to.name}, which is archived and can no longer be chosen`;
      const fix: LintFix = { kind: "remove_transition", from: from.id, to: to.id };
      issues.push(issue("warning", "archived_target", msg, [from.id, to.id], fix));
    }
  }
  return issues;
}

function statusIssues(ctx: Context): LintIssue[] {
  const { def, byId, edges, inProcess } = ctx;
  const initial = byId.get(def.initialStatusId);
  // Without an initial status every status would be "unreachable"; the initial_missing error
  // already says what to fix, so a flood of consequences would only bury it.
  const reachable = initial ? reachableFrom(def, initial.id) : undefined;
  const issues: LintIssue[] = [];
  for (const status of inProcess) {
    if (reachable && !reachable.has(status.id)) {
      const msg = `${status.name} cannot be reached from the initial status ${initial?.name}`;
      issues.push(issue("warning", "unreachable", msg, [status.id]));
    }
    // Only exits an order can actually take count: archived targets are refused by the engine.
    const exits = edges.filter((e) => e.from.id === status.id && !e.to.archived).map((e) => e.to);
    if (leavesOrdersStuck(def, status)) {
      const msg = `${status.name} has no way out: orders there would get stuck`;
      issues.push(issue("warning", "dead_end", msg, [status.id]));
    }
    if (isTerminal(status.groupKind) && exits.length > 0) {
      const names = exits.map((s) => s.name).join(", ");
      const msg = `${status.name} closes the order but leads on to ${names}; check that reopening is intended`;
      issues.push(issue("warning", "terminal_exit", msg, [status.id, ...exits.map((s) => s.id)]));
    }
  }
  return issues;
}

/**
 * A status behind a strict payment gate (no cash-on-delivery exemption) that orders can reach
 * without ever passing a status that asks for payment: an unpaid order following the process
 * gets stuck in front of the gate with nobody having asked the customer to pay. Archived
 * statuses count neither as gates (nobody enters them) nor as payment possibilities.
 */
function unpaidGateIssues({ def, byId, edges }: Context): LintIssue[] {
  const initial = byId.get(def.initialStatusId);
  if (!initial) return [];
  // Only live edges: an order can never pass through an archived status.
  const live: WorkflowDefinition = {
    ...def,
    transitions: edges.filter((e) => !e.to.archived).map((e) => ({ from: e.from.id, to: e.to.id })),
  };
  const reachable = reachableFrom(live, initial.id);
  const askers = def.statuses.filter((s) => s.awaitsPayment && !s.archived && reachable.has(s.id));
  const afterAsking = askers.map((a) => ({ asker: a, after: reachableFrom(live, a.id) }));
  const issues: LintIssue[] = [];
  for (const status of def.statuses) {
    const gated = status.requiresPayment && !status.allowCashOnDelivery && !status.archived;
    if (!gated || status.id === initial.id || !reachable.has(status.id)) continue;
    const asked = afterAsking.some(({ asker, after }) => asker.id !== status.id && after.has(status.id));
    if (asked) continue;
    const msg = askers.length
      ? `${status.name} requires payment, but no path to it passes a status that asks for payment (e.g. ${askers[0]?.name}): unpaid orders would get stuck`
      : `${status.name} requires payment, but no status in this process asks the customer to pay: unpaid orders would get stuck`;
    issues.push(issue("error", "unpaid_gate", msg, [status.id]));
  }
  return issues;
}

function compareIssues(def: WorkflowDefinition): (a: LintIssue, b: LintIssue) => number {
  const position = new Map(def.statuses.map((s, i) => [s.id, i] as const));
  // Unknown ids sort after every known status, then by id, so the order is still total.
  const rank = (id: number): [number, number] => [position.get(id) ?? def.statuses.length, id];
  return (a, b) => {
    if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
    const n = Math.min(a.statusIds.length, b.statusIds.length);
    for (let i = 0; i < n; i++) {
      const [pa, ia] = rank(a.statusIds[i] as number);
      const [pb, ib] = rank(b.statusIds[i] as number);
      if (pa !== pb) return pa - pb;
      if (ia !== ib) return ia - ib;
    }
    if (a.statusIds.length !== b.statusIds.length) return a.statusIds.length - b.statusIds.length;
    return RULE_ORDER.indexOf(a.code) - RULE_ORDER.indexOf(b.code);
  };
}

/** Every problem with a process, errors first, then in the admin's status order. */
export function lintWorkflow(def: WorkflowDefinition): LintIssue[] {
  const ctx = buildContext(def);
  const issues = [
    ...initialIssues(ctx),
    ...unknownStatusIssues(ctx),
    ...edgeIssues(ctx),
    ...statusIssues(ctx),
    ...unpaidGateIssues(ctx),
  ];
  return issues.sort(compareIssues(def));
}

const issueKey = (i: LintIssue) => `${i.code}:${i.statusIds.join(",")}`;

/**
 * Errors in `after` that `before` did not have: a change is refused for these only, so an admin
 * can still repair an already broken process one step at a time.
 */
export function introducedErrors(before: LintIssue[], after: LintIssue[]): LintIssue[] {
  const known = new Set(before.filter((i) => i.severity === "error").map(issueKey));
  return after.filter((i) => i.severity === "error" && !known.has(issueKey(i)));
}

/** Errors block saving; warnings are only shown. */
export function hasLintErrors(issues: LintIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
