import type { ActionSpec, RuleInput, RuleSpec, Trigger } from "@/lib/automation/schemas";
import type { DocumentKind } from "@/lib/documents/kinds";

/** The editor's state: what the inputs hold (text stays text until it is sent). */
export type ActionDraft = {
  type: ActionSpec["type"];
  statusCode: string;
  channel: "email" | "sms";
  audience: "customer" | "admin";
  to: string;
  body: string;
  customerVisible: boolean;
  documentKind: DocumentKind;
  emailDocument: boolean;
};

export type RuleDraft = {
  name: string;
  enabled: boolean;
  triggerType: Trigger;
  triggerStatus: string;
  hours: string;
  /** A parcel rule's events (none: any) and carriers, comma-separated (empty: any). */
  parcelEvents: string[];
  parcelCarriers: string;
  orderTypes: string[];
  statuses: string[];
  channels: string;
  paymentMethods: string;
  shippingMethods: string;
  couriers: string;
  countries: string;
  totalMin: string;
  totalMax: string;
  paid: "any" | "paid" | "unpaid";
  actions: ActionDraft[];
};

export const emptyAction = (type: ActionSpec["type"] = "set_status"): ActionDraft => ({
  type,
  statusCode: "",
  channel: "email",
  audience: "customer",
  to: "",
  body: "",
  customerVisible: false,
  documentKind: "proforma",
  emailDocument: false,
});

export const emptyDraft = (): RuleDraft => ({
  name: "",
  enabled: true,
  triggerType: "status_entered",
  triggerStatus: "",
  hours: "24",
  parcelEvents: [],
  parcelCarriers: "",
  orderTypes: [],
  statuses: [],
  channels: "",
  paymentMethods: "",
  shippingMethods: "",
  couriers: "",
  countries: "",
  totalMin: "",
  totalMax: "",
  paid: "any",
  actions: [emptyAction()],
});

const words = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** "123.45" or "123,45" to minor units; anything else goes through as typed, for the server to refuse by field. */
function money(text: string): number | string | undefined {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!t) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : text;
}

const moneyText = (minor: number | undefined) => (minor === undefined ? "" : (minor / 100).toFixed(2));

function actionInput(a: ActionDraft): Record<string, unknown> {
  switch (a.type) {
    case "set_status":
      return { type: a.type, statusCode: a.statusCode };
    case "send_message":
      return { type: a.type, statusCode: a.statusCode, channel: a.channel, audience: a.audience, to: a.audience === "admin" ? words(a.to) : [] };
    case "add_comment":
      return { type: a.type, body: a.body, customerVisible: a.customerVisible };
    case "attach_document":
      return { type: a.type, kind: a.documentKind, email: a.emailDocument };
  }
}

export function draftToInput(d: RuleDraft): RuleInput {
  const trigger: Record<string, unknown> = { type: d.triggerType };
  if (d.triggerType === "status_entered" || d.triggerType === "time_in_status") trigger.statusCode = d.triggerStatus;
  if (d.triggerType === "time_in_status") trigger.hours = d.hours;
  if (d.triggerType === "parcel_event") Object.assign(trigger, { events: d.parcelEvents, carriers: words(d.parcelCarriers) });
  return {
    name: d.name,
    enabled: d.enabled,
    trigger,
    conditions: {
      orderTypes: d.orderTypes,
      statuses: d.statuses,
      channels: words(d.channels),
      paymentMethods: words(d.paymentMethods),
      shippingMethods: words(d.shippingMethods),
      couriers: words(d.couriers),
      countries: words(d.countries),
      totalMin: money(d.totalMin),
      totalMax: money(d.totalMax),
      paid: d.paid === "any" ? undefined : d.paid === "paid",
    },
    actions: d.actions.map(actionInput),
  } as RuleInput;
}

export function ruleToDraft(rule: RuleSpec): RuleDraft {
  const c = rule.conditions;
  return {
    name: rule.name,
    enabled: rule.enabled,
    triggerType: rule.trigger.type,
    triggerStatus: "statusCode" in rule.trigger ? rule.trigger.statusCode : "",
    hours: rule.trigger.type === "time_in_status" ? String(rule.trigger.hours) : "24",
    parcelEvents: rule.trigger.type === "parcel_event" ? rule.trigger.events : [],
    parcelCarriers: rule.trigger.type === "parcel_event" ? rule.trigger.carriers.join(", ") : "",
    orderTypes: c.orderTypes,
    statuses: c.statuses,
    channels: c.channels.join(", "),
    paymentMethods: c.paymentMethods.join(", "),
    shippingMethods: c.shippingMethods.join(", "),
    couriers: c.couriers.join(", "),
    countries: c.countries.join(", "),
    totalMin: moneyText(c.totalMin),
    totalMax: moneyText(c.totalMax),
    paid: c.paid === undefined ? "any" : c.paid ? "paid" : "unpaid",
    actions: rule.actions.map((a) => ({
      ...emptyAction(a.type),
      ...("statusCode" in a ? { statusCode: a.statusCode } : {}),
      ...(a.type === "send_message" ? { channel: a.channel, audience: a.audience, to: a.to.join(", ") } : {}),
      ...(a.type === "add_comment" ? { body: a.body, customerVisible: a.customerVisible } : {}),
      ...(a.type === "attach_document" ? { documentKind: a.kind, emailDocument: a.email } : {}),
    })),
  };
}
