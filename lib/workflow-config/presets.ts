import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses } from "@/db/schema";
import { applyPreset, type AppliedPreset } from "@/db/seed/apply-preset";
import { OFFERED_PRESETS, type OfferedPresetKey } from "@/db/seed/offered-presets";
import { ok, refuse, type Result } from "@/lib/result";
import { writeChecked } from "./guard";
import type { AuditActor } from "@/lib/audit";

export type PresetKey = OfferedPresetKey;
export type PresetMode = "empty" | "alongside";

export type PresetInput = {
  preset: PresetKey;
  locale: "pl" | "en";
  /** "empty": only into a workflow without statuses; "alongside": next to what is there. */
  mode: PresetMode;
  orderType: { code: string; name: string };
};

/**
 * Applies one of the seed's presets as a new order type. Statuses whose code already exists are
 * reused as the admin has them (that is what "alongside" means), so the preset's matrix is linted
 * against the shop's real statuses and refused if it would contradict them.
 */
export async function applyWorkflowPreset(db: DbOrTx, input: PresetInput, actor: AuditActor): Promise<Result<AppliedPreset>> {
  const preset = OFFERED_PRESETS.find((p) => p.key === input.preset);
  if (!preset) return refuse("validation_failed", "Choose one of the presets", { fieldErrors: { preset: ["Unknown preset"] } });
  return writeChecked(db, { actor }, async (tx) => {
    if (input.mode === "empty") {
      const [any] = await tx.select({ id: statuses.id }).from(statuses).limit(1);
      if (any) {
        const message = "The workflow already has statuses: add the preset alongside them instead";
        return refuse("validation_failed", message, { fieldErrors: { mode: [message] }, details: { reason: "workflow_not_empty" } });
      }
    }
    const [clash] = await tx.select({ name: orderTypes.name }).from(orderTypes).where(eq(orderTypes.code, input.orderType.code));
    if (clash) {
      // applyPreset would update an existing type in place; here the admin asked for a new one.
      const message = `The code ${input.orderType.code} is already used by ${clash.name}`;
      return refuse("validation_failed", message, {
        fieldErrors: { orderTypeCode: [message] },
        details: { reason: "code_taken", code: input.orderType.code, usedBy: clash.name, usedByKind: "orderType" },
      });
    }
    // applyPreset opens its own transaction; on a transaction drizzle turns that into a
    // savepoint, so the preset still lands (or not) together with the lint check around it.
    const applied = await applyPreset(tx, { preset, locale: input.locale, orderType: input.orderType });
    return ok(applied);
  });
}
