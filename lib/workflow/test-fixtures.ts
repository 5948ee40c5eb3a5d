// A small retail process shared by the example tests: the shape most shops start from.
import type { WorkflowDefinition, WorkflowStatus } from "./types";

type StatusInput = Pick<WorkflowStatus, "id" | "code" | "name" | "groupKind"> & Partial<WorkflowStatus>;

export function makeStatus(input: StatusInput): WorkflowStatus {
  return {
    requiresPayment: false,
    allowCashOnDelivery: false,
    awaitsPayment: false,
    archived: false,
    ...input,
  };
}

export const NEW = 1;
export const AWAITING_PAYMENT = 2;
export const PICKING = 3;
export const SHIPPED = 4;
export const COMPLETED = 5;
export const CANCELLED = 6;
export const OLD_PACKING = 7;

export function retailWorkflow(): WorkflowDefinition {
  return {
    statuses: [
      makeStatus({ id: NEW, code: "new", name: "New", groupKind: "new" }),
      makeStatus({
        id: AWAITING_PAYMENT,
        code: "awaiting_payment",
        name: "Awaiting payment",
        groupKind: "new",
        awaitsPayment: true,
      }),
      makeStatus({
        id: PICKING,
        code: "picking",
        name: "Picking",
        groupKind: "in_progress",
        requiresPayment: true,
        allowCashOnDelivery: true,
      }),
      makeStatus({ id: SHIPPED, code: "shipped", name: "Shipped", groupKind: "in_progress" }),
      makeStatus({ id: COMPLETED, code: "completed", name: "Completed", groupKind: "completed" }),
      makeStatus({ id: CANCELLED, code: "cancelled", name: "Cancelled", groupKind: "not_completed" }),
      makeStatus({
        id: OLD_PACKING,
        code: "old_packing",
        name: "Packing (old)",
        groupKind: "in_progress",
        archived: true,
      }),
    ],
    initialStatusId: NEW,
    transitions: [
      { from: NEW, to: AWAITING_PAYMENT },
      { from: NEW, to: PICKING },
      { from: NEW, to: CANCELLED },
      { from: AWAITING_PAYMENT, to: PICKING },
      { from: AWAITING_PAYMENT, to: CANCELLED },
      { from: PICKING, to: SHIPPED },
      { from: PICKING, to: CANCELLED },
      { from: SHIPPED, to: COMPLETED },
    ],
  };
}

/** The retail process with extra matrix pairs, for tests that need one more edge. */
export function retailWith(...extra: { from: number; to: number }[]): WorkflowDefinition {
  const def = retailWorkflow();
  return { ...def, transitions: [...def.transitions, ...extra] };
}
