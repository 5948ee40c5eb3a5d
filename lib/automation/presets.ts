import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { statuses, type AutomationRule } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";
import { createRule } from "./rules";
import type { RuleInput } from "./schemas";
import { inTransaction } from "@/db/transaction";
import type { AuditActor } from "@/lib/audit";

export type AutomationPreset = {
  key: string;
  title: string;
  description: string;
  rules: RuleInput[];
};

const NO_CONDITIONS = {};

const COURIERS = [
  ["inpost", "courier_inpost"],
  ["dpd", "courier_dpd"],
  ["dhl", "courier_dhl"],
  ["poczta_polska", "courier_poczta_polska"],
] as const;

/**
 * Automations shops actually run (BaseLinker's and Saly's examples), in the codes of the status
 * presets. Each names the statuses it needs, so a shop without them is told which are missing.
 */
export const AUTOMATION_PRESETS: readonly AutomationPreset[] = [
  {
    key: "paid_transfer_to_fulfilment",
    title: "Paid transfers go to fulfilment",
    description: "When a bank transfer is paid in full, the order moves from Awaiting payment to In progress.",
    rules: [
      {
        name: "Paid transfer → In progress",
        trigger: { type: "payment_recorded" },
        conditions: { paymentMethods: ["transfer"], statuses: ["awaiting_payment"], paid: true },
        actions: [{ type: "set_status", statusCode: "in_progress" }],
      },
    ],
  },
  {
    key: "sort_by_courier",
    title: "Sort packed orders by courier",
    description:
      "When an order is packed, it moves to the status of its courier (InPost, DPD, DHL, Poczta Polska), so each pick-up has its own column.",
    rules: COURIERS.map(([courier, statusCode]) => ({
      name: `Packed for ${courier} → ${statusCode}`,
      trigger: { type: "status_entered", statusCode: "packing" },
      conditions: { couriers: [courier] },
      actions: [{ type: "set_status", statusCode }],
    })),
  },
  {
    key: "complete_on_delivery",
    title: "Complete orders when delivery is confirmed",
    description: "When a shipped order is marked Delivered (by staff or a courier integration), it is completed.",
    rules: [
      {
        name: "Delivered → Completed",
        trigger: { type: "status_entered", statusCode: "delivered" },
        conditions: NO_CONDITIONS,
        actions: [{ type: "set_status", statusCode: "completed" }],
      },
    ],
  },
  {
    key: "parcel_delivered_complete",
    title: "Complete orders when the carrier delivers the parcel",
    description: "When a carrier reports the parcel delivered (through its webhook or the API), the order moves to Completed.",
    rules: [
      {
        name: "Parcel delivered → Completed",
        trigger: { type: "parcel_event", events: ["delivered"] },
        conditions: NO_CONDITIONS,
        actions: [{ type: "set_status", statusCode: "completed" }],
      },
    ],
  },
  {
    key: "parcel_returned_to_sender",
    title: "Mark orders returned when the parcel goes back to the shop",
    description: "When a carrier reports the parcel returned to sender, the order moves to Returned.",
    rules: [
      {
        name: "Parcel returned to sender → Returned",
        trigger: { type: "parcel_event", events: ["returned_to_sender"] },
        conditions: NO_CONDITIONS,
        actions: [{ type: "set_status", statusCode: "returned" }],
      },
    ],
  },
  {
    key: "flag_unpaid_7_days",
    title: "Flag orders unpaid for 7 days",
    description: "After 7 days in Awaiting payment without payment, add an internal comment and email the admins.",
    rules: [
      {
        name: "Unpaid for 7 days",
        trigger: { type: "time_in_status", statusCode: "awaiting_payment", hours: 168 },
        conditions: { paid: false },
        actions: [
          { type: "add_comment", body: "Unpaid for 7 days: remind the customer or cancel {{orderNumber}}.", customerVisible: false },
          { type: "send_message", statusCode: "awaiting_payment", channel: "email", audience: "admin" },
        ],
      },
    ],
  },
];

function statusCodesOf(rule: RuleInput): string[] {
  const codes: string[] = [];
  if ("statusCode" in rule.trigger && rule.trigger.statusCode) codes.push(rule.trigger.statusCode);
  codes.push(...(rule.conditions?.statuses ?? []));
  for (const action of rule.actions) if ("statusCode" in action && action.statusCode) codes.push(action.statusCode);
  return codes;
}

export type PresetAvailability = AutomationPreset & { missingStatuses: string[] };

/** Each preset with the status codes it needs that this shop does not have. */
export async function listAutomationPresets(db: DbOrTx): Promise<PresetAvailability[]> {
  const needed = [...new Set(AUTOMATION_PRESETS.flatMap((p) => p.rules.flatMap(statusCodesOf)))];
  const present = new Set(
    (await db.select({ code: statuses.code }).from(statuses).where(inArray(statuses.code, needed))).map((r) => r.code),
  );
  return AUTOMATION_PRESETS.map((preset) => ({
    ...preset,
    missingStatuses: [...new Set(preset.rules.flatMap(statusCodesOf))].filter((code) => !present.has(code)),
  }));
}

/** Adds a preset's rules (switched on) at the end of the list, all or none. */
export async function applyAutomationPreset(db: DbOrTx, key: string, actor: AuditActor): Promise<Result<AutomationRule[]>> {
  const preset = (await listAutomationPresets(db)).find((p) => p.key === key);
  if (!preset) return refuse("not_found", "There is no such preset.");
  if (preset.missingStatuses.length) {
    const list = preset.missingStatuses.map((c) => `"${c}"`).join(", ");
    return refuse("validation_failed", `This preset needs statuses this shop does not have: ${list}. Add them in the workflow studio first.`, {
      details: { missingStatuses: preset.missingStatuses },
    });
  }
  return inTransaction(db, async (tx) => {
    const created: AutomationRule[] = [];
    for (const rule of preset.rules) {
      const result = await createRule(tx, rule, actor);
      if (!result.ok) throw new Error(`preset ${key} does not validate: ${result.error.message}`);
      created.push(result.value);
    }
    return ok(created);
  });
}
