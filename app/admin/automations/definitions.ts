import { z } from "zod";
import type { Db } from "@/db";
import type { createAuthedAction } from "@/lib/auth/action";
import {
  applyAutomationPreset,
  createRule,
  deleteRule,
  dryRunAutomations,
  reorderRules,
  setRuleEnabled,
  updateRule,
} from "@/lib/automation";

type AuthedActionFactory = ReturnType<typeof createAuthedAction>;

const ADMIN = "admin" as const;
const id = z.number().int().positive();
// The rule is validated field by field in lib (codes against the database too); here only its envelope.
const ruleEnvelope = z.object({ rule: z.unknown() });

/**
 * The automation page's server actions, built from the auth wrapper they are given, like the
 * workflow studio's: every one checks for an admin itself, parses with zod and calls one lib
 * function. A unit test binds them to a staff user and sees each refused.
 */
export function automationActions(authed: AuthedActionFactory, getDb: () => Promise<Db>) {
  return {
    createRule: authed({ role: ADMIN, schema: ruleEnvelope }, async ({ rule }) => createRule(await getDb(), rule as never)),
    updateRule: authed({ role: ADMIN, schema: ruleEnvelope.extend({ id }) }, async ({ id, rule }) => updateRule(await getDb(), id, rule as never)),
    deleteRule: authed({ role: ADMIN, schema: z.object({ id }) }, async ({ id }) => deleteRule(await getDb(), id)),
    setEnabled: authed({ role: ADMIN, schema: z.object({ id, enabled: z.boolean() }) }, async ({ id, enabled }) =>
      setRuleEnabled(await getDb(), id, enabled),
    ),
    reorder: authed({ role: ADMIN, schema: z.object({ ids: z.array(id).max(1000) }) }, async ({ ids }) => reorderRules(await getDb(), ids)),
    applyPreset: authed({ role: ADMIN, schema: z.object({ key: z.string().max(100) }) }, async ({ key }) =>
      applyAutomationPreset(await getDb(), key),
    ),
    dryRun: authed(
      {
        role: ADMIN,
        schema: z.object({
          orderNumber: z.string().trim().min(1, "Enter an order number").max(64),
          trigger: z.enum(["now", "order_created", "payment_recorded", "status_entered", "tracking_updated"]),
        }),
      },
      async (input) => dryRunAutomations(await getDb(), input),
    ),
  };
}
