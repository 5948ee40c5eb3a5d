import type { ActionSpec, Conditions, RuleSpec, TriggerSpec } from "./schemas";

/** Display names for codes; an unknown code shows as itself, so a broken reference stays visible. */
export type NameLookup = { status: (code: string) => string; orderType: (code: string) => string };

const IDENTITY: NameLookup = { status: (c) => c, orderType: (c) => c };

function list(values: readonly string[], word = "or"): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} ${word} ${values.at(-1)}`;
}

export function describeDuration(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? "1 day" : `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

function money(minor: number): string {
  return (minor / 100).toFixed(2);
}

export function describeTrigger(trigger: TriggerSpec, names: NameLookup = IDENTITY): string {
  switch (trigger.type) {
    case "order_created":
      return "When an order is created";
    case "payment_recorded":
      return "When a payment is recorded";
    case "status_entered":
      return `When an order enters ${names.status(trigger.statusCode)}`;
    case "tracking_updated":
      return "When tracking details are updated";
    case "time_in_status":
      return `When an order has been in ${names.status(trigger.statusCode)} for ${describeDuration(trigger.hours)}`;
    case "parcel_event": {
      const what = trigger.events.length ? `the parcel ${list(trigger.events.map((e) => e.replaceAll("_", " ")))}` : "a parcel event";
      return `When ${trigger.carriers.length ? list(trigger.carriers) : "a carrier"} reports ${what}`;
    }
  }
}

export function describeConditions(c: Conditions, names: NameLookup = IDENTITY): string[] {
  const parts: string[] = [];
  if (c.orderTypes.length) parts.push(`it is a ${list(c.orderTypes.map(names.orderType))} order`);
  if (c.statuses.length) parts.push(`it is in ${list(c.statuses.map(names.status))}`);
  if (c.channels.length) parts.push(`it came from ${list(c.channels)}`);
  if (c.paymentMethods.length) parts.push(`it is paid by ${list(c.paymentMethods)}`);
  if (c.shippingMethods.length) parts.push(`it ships by ${list(c.shippingMethods)}`);
  if (c.couriers.length) parts.push(`the courier is ${list(c.couriers)}`);
  if (c.countries.length) parts.push(`it ships to ${list(c.countries)}`);
  if (c.totalMin !== undefined && c.totalMax !== undefined) parts.push(`the total is between ${money(c.totalMin)} and ${money(c.totalMax)}`);
  else if (c.totalMin !== undefined) parts.push(`the total is at least ${money(c.totalMin)}`);
  else if (c.totalMax !== undefined) parts.push(`the total is at most ${money(c.totalMax)}`);
  if (c.paid === true) parts.push("it is paid in full");
  if (c.paid === false) parts.push("it is not paid yet");
  return parts;
}

export function describeAction(action: ActionSpec, names: NameLookup = IDENTITY): string {
  switch (action.type) {
    case "set_status":
      return `set the status to ${names.status(action.statusCode)}`;
    case "send_message": {
      const what = `the ${names.status(action.statusCode)} ${action.channel === "email" ? "email" : "SMS"}`;
      if (action.audience === "customer") return `send ${what} to the customer`;
      return `send ${what} to ${action.to.length ? list(action.to, "and") : "the admins"}`;
    }
    case "add_comment": {
      const body = action.body.length > 60 ? `${action.body.slice(0, 57)}…` : action.body;
      return `add ${action.customerVisible ? "a customer-visible" : "an internal"} comment “${body}”`;
    }
    case "attach_document": {
      const what = action.kind === "invoice" ? "an invoice" : "a pro-forma";
      return action.email ? `attach ${what} and email it to the customer` : `attach ${what}`;
    }
  }
}

/** The rule in one sentence, as the list shows it: "When ..., if ..., do this, then that." */
export function describeRule(rule: Pick<RuleSpec, "trigger" | "conditions" | "actions">, names: NameLookup = IDENTITY): string {
  const conditions = describeConditions(rule.conditions, names);
  const when = describeTrigger(rule.trigger, names) + (conditions.length ? ` and ${list(conditions, "and")}` : "");
  const actions = rule.actions.map((a) => describeAction(a, names));
  return `${when}, ${list(actions, "and then")}.`;
}
