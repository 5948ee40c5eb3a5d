import type { DbOrTx, Tx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { refuse, type Result } from "@/lib/result";
import { introducedErrors, lintWorkflow, type LintIssue } from "@/lib/workflow";
import { recordStrandedOrders, recordWorkflowChanges, snapshotWorkflow, type WorkflowAudit } from "./audit";
import { loadAllDefinitions, type TypeDefinition } from "./definitions";
import { newlyStranded, strandingRefusal } from "./stranding";

export type IntroducedIssue = LintIssue & { orderType: { id: number; code: string; name: string } };

/**
 * How a studio write is checked and recorded: who writes (the audit) and, when the admin was
 * shown that the write leaves open orders with no way forward, the number of orders they agreed
 * to (`confirmStranded`).
 */
export type WriteOptions = WorkflowAudit & { confirmStranded?: number };

/** A studio service's confirmation, passed through to `writeChecked`. */
export type StrandingConfirmation = { confirmStranded?: number };

/**
 * Runs a configuration write in one transaction and keeps it only if it refused nothing itself,
 * introduced no lint error into any order type's process, and strands no open order that had a
 * way forward unless the caller confirmed exactly that many (`would_strand_orders` otherwise,
 * naming them). Errors and stranded orders that were already there do not block: the admin must
 * be able to repair a broken process one step at a time. The lint refusal explains each new error
 * in words and carries the issues (with their fixes) in `details.lint`. A kept write records what
 * it changed in the audit trail, and the orders it was confirmed to strand, in the same
 * transaction, by `options.actor`.
 */
export function writeChecked<T>(db: DbOrTx, options: WriteOptions, write: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  return inTransaction(db, async (tx): Promise<Result<T>> => {
    const [before, snapshot] = await Promise.all([loadAllDefinitions(tx), snapshotWorkflow(tx)]);
    const result = await write(tx);
    if (!result.ok) return result;
    const after = await loadAllDefinitions(tx);
    const introduced = introducedIssues(before, after);
    if (introduced.length > 0) return lintRefusal(introduced);
    const stranding = await newlyStranded(tx, before, after);
    if (stranding.total > 0 && options.confirmStranded !== stranding.total) return strandingRefusal(stranding);
    await recordWorkflowChanges(tx, snapshot, options);
    await recordStrandedOrders(tx, stranding, options.actor);
    return result;
  });
}

function introducedIssues(before: TypeDefinition[], after: TypeDefinition[]): IntroducedIssue[] {
  return after.flatMap(({ type, definition }) => {
    const previous = before.find((b) => b.type.id === type.id);
    const orderType = { id: type.id, code: type.code, name: type.name };
    return introducedErrors(previous ? lintWorkflow(previous.definition) : [], lintWorkflow(definition)).map((issue) => ({ ...issue, orderType }));
  });
}

function lintRefusal(issues: IntroducedIssue[]) {
  const lines = issues.map((i) => `${i.orderType.name}: ${i.message}.`);
  return refuse("validation_failed", `Refused, this would break the process. ${lines.join(" ")}`, {
    details: { lint: issues },
  });
}
