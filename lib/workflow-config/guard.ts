import type { Db, Tx } from "@/db";
import { refuse, type Refusal, type Result } from "@/lib/result";
import { introducedErrors, type LintIssue } from "@/lib/workflow";
import { lintAllTypes } from "./definitions";

// Thrown only to make the transaction roll back; never escapes `writeChecked`.
class Rollback extends Error {
  constructor(readonly refusal: { ok: false; error: Refusal }) {
    super(refusal.error.message);
  }
}

export type IntroducedIssue = LintIssue & { orderType: { id: number; code: string; name: string } };

/**
 * Runs a configuration write in one transaction and keeps it only if it refused nothing itself
 * and introduced no lint error into any order type's process. Errors that were already there do
 * not block: the admin must be able to repair a broken process one step at a time. The refusal
 * explains each new error in words and carries the issues (with their fixes) in `details.lint`.
 */
export async function writeChecked<T>(db: Db, write: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.transaction(async (tx) => {
      const before = await lintAllTypes(tx);
      const result = await write(tx);
      if (!result.ok) throw new Rollback(result);
      const after = await lintAllTypes(tx);
      const introduced: IntroducedIssue[] = after.flatMap(({ type, issues }) => {
        const previous = before.find((b) => b.type.id === type.id)?.issues ?? [];
        const orderType = { id: type.id, code: type.code, name: type.name };
        return introducedErrors(previous, issues).map((issue) => ({ ...issue, orderType }));
      });
      if (introduced.length > 0) throw new Rollback(lintRefusal(introduced));
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.refusal;
    throw error;
  }
}

function lintRefusal(issues: IntroducedIssue[]) {
  const lines = issues.map((i) => `${i.orderType.name}: ${i.message}.`);
  return refuse("validation_failed", `Refused, this would break the process. ${lines.join(" ")}`, {
    details: { lint: issues },
  });
}
