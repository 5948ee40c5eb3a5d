"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import {
  applyAutomationPreset,
  createRule,
  deleteRule,
  dryRunAutomations,
  getRule,
  parseStoredRule,
  reorderRules,
  setRuleEnabled,
  updateRule,
} from "@/lib/automation";
import type { DryRunView } from "@/components/automations/types";
import { PARCEL_EVENT_KINDS } from "@/lib/parcels/event-data";
import { ok, type Result } from "@/lib/result";
import { loadStatusNameIn, withStatusIn } from "./names";

const id = z.number().int().positive();
// The rule is validated field by field in lib (codes against the database too); here only its envelope.
const ruleEnvelope = z.object({ rule: z.unknown() });
const revalidate = () => revalidatePath("/admin/automations", "layout");

export const createRuleAction = serverAction({
  role: "admin",
  schema: ruleEnvelope,
  handler: async ({ rule }, user) => createRule(await getDb(), rule as never, actorOf(user)),
  revalidate,
  message: (r, _, t) => t("automations.done.created", { name: r.name }),
});

export const updateRuleAction = serverAction({
  role: "admin",
  schema: ruleEnvelope.extend({ id }),
  handler: async ({ id, rule }, user) => updateRule(await getDb(), id, rule as never, actorOf(user)),
  revalidate,
  message: (r, _, t) => t("automations.done.saved", { name: r.name }),
});

export const deleteRuleAction = serverAction({
  role: "admin",
  schema: z.object({ id }),
  handler: async ({ id }, user) => deleteRule(await getDb(), id, actorOf(user)),
  revalidate,
  message: (_, __, t) => t("automations.done.deleted"),
});

export const setRuleEnabledAction = serverAction({
  role: "admin",
  schema: z.object({ id, enabled: z.boolean() }),
  handler: async ({ id, enabled }, user) => setRuleEnabled(await getDb(), id, enabled, actorOf(user)),
  revalidate,
  message: (r, _, t) => t(r.enabled ? "automations.done.switchedOn" : "automations.done.switchedOff", { name: r.name }),
});

export const reorderRulesAction = serverAction({
  role: "admin",
  schema: z.object({ ids: z.array(id).max(1000) }),
  handler: async ({ ids }, user) => reorderRules(await getDb(), ids, actorOf(user)),
  revalidate,
  message: (_, __, t) => t("automations.done.reordered"),
});

export const applyAutomationPresetAction = serverAction({
  role: "admin",
  schema: z.object({ key: z.string().max(100) }),
  handler: async ({ key }, user) => applyAutomationPreset(await getDb(), key, actorOf(user)),
  revalidate,
  message: (rules, _, t) => t("automations.done.presetAdded", { count: rules.length }),
});

/** Changes nothing, so nothing to revalidate. */
export const dryRunAction = serverAction({
  role: "admin",
  schema: z.object({
    orderNumber: z.string().trim().min(1, "Enter an order number").max(64),
    trigger: z.enum(["now", "order_created", "payment_recorded", "status_entered", "tracking_updated", "parcel_event"]),
    parcelEvent: z.enum(PARCEL_EVENT_KINDS).optional(),
  }),
  // With the considered rules as set up, so the screen can word their actions in the reader's language.
  handler: async (input): Promise<Result<DryRunView>> => {
    const db = await getDb();
    const result = await dryRunAutomations(db, input);
    if (!result.ok) return result;
    const nameIn = await loadStatusNameIn(db, await getLocale());
    const report = result.value;
    const rules = await Promise.all([...new Set(report.rules.map((r) => r.ruleId))].map((id) => getRule(db, id)));
    const specs: DryRunView["specs"] = {};
    for (const rule of rules) {
      const spec = rule && parseStoredRule(rule);
      if (rule && spec) specs[rule.id] = spec;
    }
    // Status names in the caller's language: the report carries the stored ones.
    return ok({
      ...report,
      statusBefore: nameIn(report.statusBefore),
      statusAfter: nameIn(report.statusAfter),
      rules: report.rules.map((trace) => ({ ...trace, actions: trace.actions.map((a) => withStatusIn(a, nameIn)) })),
      events: report.events.map((e) => ({ ...e, toStatus: e.toStatus === null ? null : nameIn(e.toStatus) })),
      specs,
    });
  },
  message: (_, __, t) => t("automations.done.dryRun"),
});
