import { evaluateTransition, type WorkflowDefinition } from "@/lib/workflow";

/*
 * Test helper: replays an order's history through the workflow engine and lists everything that
 * does not add up. Shared by the generator's unit tests and the seeded-database tests.
 */

export type HistoryOrder = {
  number?: string;
  statusId: number;
  statusChangedAt: number;
  version: number;
  paymentMethod: string;
  paidAt: number | null;
  paidAmount: number;
  total: number;
  createdAt: number;
  updatedAt: number;
};

export type HistoryEvent = {
  type: string;
  fromStatusId: number | null;
  toStatusId: number | null;
  at: number;
};

export function historyProblems(def: WorkflowDefinition, order: HistoryOrder, events: HistoryEvent[]): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${order.number ?? "order"}: ${message}`);

  const [first] = events;
  if (!first || first.type !== "created") say("history does not start with `created`");
  else {
    if (first.toStatusId !== def.initialStatusId) say("created outside the initial status");
    if (first.at !== order.createdAt) say("created event and order disagree on the creation time");
  }

  let statusId = def.initialStatusId;
  let paid = false;
  let paidAt: number | null = null;
  let stateChanges = 0;
  let lastChangeAt = order.createdAt;
  let previousAt = -Infinity;
  for (const e of events) {
    if (e.at <= previousAt) say(`event ${e.type} is not later than the one before`);
    previousAt = e.at;
    if (e.type === "payment_recorded" || e.type === "tracking_updated") stateChanges += 1;
    if (e.type === "payment_recorded") {
      if (paid) say("paid twice");
      paid = true;
      paidAt = e.at;
    }
    if (e.type !== "status_changed") continue;
    if (e.fromStatusId !== statusId) say(`change from ${e.fromStatusId} but the order was in ${statusId}`);
    const verdict = evaluateTransition(def, { statusId, paid, paymentMethod: order.paymentMethod }, e.toStatusId ?? -1);
    if (!verdict.ok) say(`engine refuses ${statusId} -> ${e.toStatusId}: ${verdict.message}`);
    statusId = e.toStatusId ?? -1;
    stateChanges += 1;
    lastChangeAt = e.at;
  }

  if (statusId !== order.statusId) say(`history ends in ${statusId}, order says ${order.statusId}`);
  // The services bump the version on every change of state: status, payment, tracking.
  if (order.version !== 1 + stateChanges) say(`version ${order.version} after ${stateChanges} changes of state`);
  if (order.statusChangedAt !== lastChangeAt) say("statusChangedAt is not the last change");
  if (order.updatedAt !== previousAt) say("updatedAt is not the last event");
  if (order.paidAt !== paidAt) say("paidAt does not match the payment event");
  if (order.paidAmount !== (paid ? order.total : 0)) say("paidAmount does not match the payment");
  return problems;
}
