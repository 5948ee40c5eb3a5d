import type { Refusal, StrandedOrders, Stranding } from "@/lib/result";

/** A thing's name for the reader, by id where the refusal has it, else by its stored name; the stored name when it knows no better. */
export type ReaderName = (stored: { id?: number; name: string }) => string;

/** A reader's names for what a workflow refusal names: its statuses, order types and groups. */
export type ReaderNames = { status: ReaderName; orderType: ReaderName; group: ReaderName };

/** Whether a refusal names statuses, order types or groups, so renaming it is worth a lookup. */
export function namesWorkflowThings(error: Refusal): boolean {
  if (error.code === "would_strand_orders") return (error.details?.stranded.length ?? 0) > 0;
  if (error.code !== "validation_failed" || !error.details) return false;
  return "lint" in error.details || "reason" in error.details;
}

/** The orders a workflow write would strand, their statuses and order types in the reader's language. */
export function strandingInReaderNames(stranding: Stranding, names: ReaderNames): Stranding {
  const stranded = stranding.stranded.map(
    (s): StrandedOrders => ({ ...s, status: { ...s.status, name: names.status(s.status) }, orderType: { ...s.orderType, name: names.orderType(s.orderType) } }),
  );
  return { ...stranding, stranded };
}

/**
 * The refusal with every status, order type and group it names in the reader's language, for a
 * screen that words it (components/admin/reply-text.ts). The API answers the stored names; only
 * the staff screens' server actions rename.
 */
export function refusalInReaderNames(error: Refusal, names: ReaderNames): Refusal {
  if (error.code === "would_strand_orders" && error.details) return { ...error, details: strandingInReaderNames(error.details, names) };
  if (error.code !== "validation_failed" || !error.details) return error;
  const details = error.details;
  if ("lint" in details) {
    const lint = details.lint.map((issue) => ({ ...issue, orderType: { ...issue.orderType, name: names.orderType(issue.orderType) } }));
    return { ...error, details: { lint } as typeof details };
  }
  if (!("reason" in details)) return error;
  switch (details.reason) {
    case "status_in_use":
    case "initial_archived":
      return { ...error, details: { ...details, name: names.status({ name: details.name }) } };
    case "status_is_initial":
      return { ...error, details: { ...details, name: names.status({ name: details.name }), orderTypes: details.orderTypes.map((name) => names.orderType({ name })) } };
    case "code_taken":
      return { ...error, details: { ...details, usedBy: names[details.usedByKind]({ name: details.usedBy }) } };
    case "group_not_empty":
      return { ...error, details: { ...details, name: names.group({ name: details.name }) } };
    default:
      return error;
  }
}
