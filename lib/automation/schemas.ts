import { z } from "zod";
import { DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { PARCEL_EVENT_KINDS } from "@/lib/parcels/event-data";
import { checkTemplate } from "@/lib/notifications/template";

/**
 * The shape of a rule. Statuses and order types are referenced by code, never by id, so a rule
 * survives an export and import of the workflow and reads the same in every shop.
 */

export const AUTOMATION_TRIGGERS = [
  "order_created",
  "payment_recorded",
  "status_entered",
  "tracking_updated",
  "time_in_status",
  "parcel_event",
] as const;
export type Trigger = (typeof AUTOMATION_TRIGGERS)[number];

const statusCode = z
  .string({ error: "Choose a status" })
  .trim()
  .min(1, "Choose a status")
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Not a status code");

/** How long an order may sit in a status before a time rule fires: up to a year, in hours. */
const hours = z.coerce
  .number({ error: "Enter a number of hours" })
  .int("Whole hours only")
  .min(1, "At least 1 hour")
  .max(24 * 366, "At most a year (8784 hours)");

const valueList = z.array(z.string().trim().min(1).max(100)).max(50).default([]);

/**
 * A parcel event rule's own conditions, on the event rather than the order: which neutral events
 * (none ticked: any) and which carriers, by courier key (empty: any).
 */
const parcelTrigger = z.object({
  type: z.literal("parcel_event"),
  events: z.array(z.enum(PARCEL_EVENT_KINDS)).max(PARCEL_EVENT_KINDS.length).default([]),
  carriers: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(50).default([]),
});

export const triggerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("order_created") }),
  z.object({ type: z.literal("payment_recorded") }),
  z.object({ type: z.literal("status_entered"), statusCode }),
  z.object({ type: z.literal("tracking_updated") }),
  z.object({ type: z.literal("time_in_status"), statusCode, hours }),
  parcelTrigger,
]);
export type TriggerSpec = z.infer<typeof triggerSchema>;
const minorUnits = z.number().int("Whole minor units only").min(0, "Cannot be negative");

/** Every condition is optional; an empty list or a missing bound means "any". */
export const conditionsSchema = z
  .object({
    orderTypes: valueList,
    statuses: valueList,
    channels: valueList,
    paymentMethods: valueList,
    shippingMethods: valueList,
    couriers: valueList,
    countries: z
      .array(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use two-letter country codes like PL"))
      .max(50)
      .default([]),
    totalMin: minorUnits.optional(),
    totalMax: minorUnits.optional(),
    paid: z.boolean().optional(),
  })
  .refine((c) => c.totalMin === undefined || c.totalMax === undefined || c.totalMin <= c.totalMax, {
    message: "The lowest total must not be above the highest",
    path: ["totalMax"],
  });
export type Conditions = z.infer<typeof conditionsSchema>;

const templateText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Write the ${what}`)
    .max(max)
    .superRefine((text, ctx) => {
      for (const problem of checkTemplate(text)) ctx.addIssue({ code: "custom", message: problem.message });
    });


export const actionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("set_status"), statusCode }),
  z.object({
    type: z.literal("send_message"),
    /** Whose template: the message templates are kept per status. */
    statusCode,
    channel: z.enum(["email", "sms"]),
    audience: z.enum(["customer", "admin"]),
    /** Admin messages only; empty: the status's admin addresses, then the shop's support address. */
    to: z.array(z.string().trim().toLowerCase().email("Enter valid email addresses")).max(20).default([]),
  }),
  z.object({
    type: z.literal("add_comment"),
    body: templateText("comment", 5000),
    customerVisible: z.boolean().default(false),
  }),
  z.object({
    type: z.literal("attach_document"),
    kind: z.enum(DOCUMENT_KINDS),
    /** Also email it to the customer, with the PDF attached. */
    email: z.boolean().default(false),
  }),
]);
export type ActionSpec = z.infer<typeof actionSchema>;
export type ActionType = ActionSpec["type"];

export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the rule a name").max(120, "Keep the name under 120 characters"),
    enabled: z.boolean().default(true),
    trigger: triggerSchema,
    conditions: conditionsSchema.default({
      orderTypes: [],
      statuses: [],
      channels: [],
      paymentMethods: [],
      shippingMethods: [],
      couriers: [],
      countries: [],
    }),
    actions: z.array(actionSchema).min(1, "Add at least one action").max(10, "At most 10 actions"),
  })
  .superRefine((rule, ctx) => {
    rule.actions.forEach((action, index) => {
      if (action.type === "send_message" && action.audience === "admin" && action.channel === "sms") {
        ctx.addIssue({ code: "custom", path: ["actions", index, "channel"], message: "Admin messages go by email" });
      }
    });
    // A time rule's order has to be sitting in the status the clock runs on.
    if (rule.trigger.type !== "time_in_status") return;
    const statuses = rule.conditions.statuses;
    if (statuses.length && !statuses.includes(rule.trigger.statusCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["conditions", "statuses"],
        message: "A time rule only sees orders in its trigger status; this condition can never hold",
      });
    }
  });
export type RuleInput = z.input<typeof ruleInputSchema>;
export type RuleSpec = z.infer<typeof ruleInputSchema>;

/** The three JSON columns of a stored rule, validated; a row edited by hand into nonsense fails here. */
export function parseStoredRule(row: {
  trigger: Trigger;
  triggerConfig: Record<string, unknown>;
  conditions: Record<string, unknown>;
  actions: Record<string, unknown>[];
}) {
  const trigger = triggerSchema.safeParse({ ...row.triggerConfig, type: row.trigger });
  const conditions = conditionsSchema.safeParse(row.conditions);
  const actions = z.array(actionSchema).safeParse(row.actions);
  if (!trigger.success || !conditions.success || !actions.success) return undefined;
  return { trigger: trigger.data, conditions: conditions.data, actions: actions.data };
}

/** The stored columns for a validated rule. */
export function toStoredRule(spec: RuleSpec) {
  const { type, ...triggerConfig } = spec.trigger;
  return {
    name: spec.name,
    enabled: spec.enabled,
    trigger: type,
    triggerConfig: triggerConfig as Record<string, unknown>,
    conditions: spec.conditions as Record<string, unknown>,
    actions: spec.actions as Record<string, unknown>[],
  };
}
