import type { OrderListRow } from "@/db/queries/orders";
import type { WorkflowDefinition } from "@/lib/workflow";

export type { OrderListRow };

/** What the list's client components need to offer status changes without asking the server. */
export type ListWorkflow = {
  /** Per order type id. */
  definitions: Record<number, WorkflowDefinition>;
  /** Per status id: what the status sends, for the toggles' defaults; its colour for badges. */
  statuses: Record<number, { name: string; colour: string; notifyCustomerEmail: boolean; notifyCustomerSms: boolean }>;
};
