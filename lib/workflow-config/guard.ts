import type { DbOrTx, Tx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { refuse, type Result } from "@/lib/result";
import { introducedErrors, type LintIssue } from "@/lib/workflow";
import { recordWorkflowChanges, snapshotWorkflow, type WorkflowAudit } from "./audit";
import { lintAllTypes } from "./definitions";

export type IntroducedIssue = LintIssue & { orderType: { id: number; code: string; name: string } };

/**
 * Runs a configuration write in one transaction and keeps it only if it refused nothing itself
 * and introduced no lint error into any order type's process. Errors that were already there do
 * not block: the admin must be able to repair a broken process one step at a time. The refusal
 * explains each new error in words and carries the issues (with their fixes) in `details.lint`.
 * A kept write records what it changed in the audit trail, in the same transaction, by `audit.actor`.
 */
export function writeChecked<T>(db: DbOrTx, audit: WorkflowAudit, write: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  return inTransaction(db, async (tx): Promise<Result<T>> => {
    const [before, snapshot] = await Promise.all([lintAllTypes(tx), snapshotWorkflow(tx)]);
    const result = await write(tx);
    if (!result.ok) return result;
    const after = await lintAllTypes(tx);
    const introduced: IntroducedIssue[] = after.flatMap(({ type, issues }) => {
      const previous = before.find((b) => b.type.id === type.id)?.issues ?? [];
      const orderType = { id: type.id, code: type.code, name: type.name };
      return introducedErrors(previous, issues).map((issue) => ({ ...issue, orderType }));
    });
    if (introduced.length > 0) return lintRefusal(introduced);
    await recordWorkflowChanges(tx, snapshot, audit);
    return result;
  });
}

function lintRefusal(issues: IntroducedIssue[]) {
  const lines = issues.map((i) => `${i.orderType.name}: ${i.message}.`);
  return refuse("validation_failed", `Refused, this would break the process. ${lines.join(" ")}`, {
    details: { lint: issues },
  });
}
