import { intlTag, listOf, resolveLocale } from "@/lib/i18n/locales";
import type { useTranslations } from "next-intl";
import type { ActionOutcome } from "@/lib/automation/trace";
import type { ActionSpec, Conditions, RuleSpec, TriggerSpec } from "@/lib/automation/schemas";
import type { FieldErrors } from "@/lib/result";
import type { TemplateProblem } from "@/lib/notifications/template";
import { courierName } from "@/lib/courier-name";

/** The `automations` namespace of the catalogue, from `useTranslations` or `getTranslations`. */
export type AutomationsT = ReturnType<typeof useTranslations<"automations">>;

/** Display names for the codes a rule refers to, in the reader's language; an unknown code shows as itself. */
export type Names = { status: (code: string) => string; orderType: (code: string) => string };

/** Everything wording a rule needs: the catalogue, the reader's language and the names. */
export type Wording = { t: AutomationsT; locale: string; names: Names };


export function namesFrom(options: { statuses: { code: string; name: string }[]; orderTypes: { code: string; name: string }[] }): Names {
  const statuses = new Map(options.statuses.map((s) => [s.code, s.name]));
  const types = new Map(options.orderTypes.map((s) => [s.code, s.name]));
  return { status: (c) => statuses.get(c) ?? c, orderType: (c) => types.get(c) ?? c };
}

/** "a, b or c" / "a, b lub c" (or "and" / "i"), in the reader's language. */
export function listIn(locale: string, values: readonly string[], type: "conjunction" | "disjunction" = "disjunction"): string {
  return listOf(resolveLocale(locale), values, type);
}

/** An amount in minor units as "100.00" / "100,00" (the rule's bounds carry no currency). */
export function amountIn(locale: string, minor: number): string {
  return new Intl.NumberFormat(intlTag(resolveLocale(locale)), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

export function describeTrigger(trigger: TriggerSpec, { t, locale, names }: Wording): string {
  switch (trigger.type) {
    case "status_entered":
      return t("sentence.trigger.status_entered", { status: names.status(trigger.statusCode) });
    case "time_in_status": {
      const status = names.status(trigger.statusCode);
      return trigger.hours % 24 === 0
        ? t("sentence.trigger.time_in_status_days", { status, days: trigger.hours / 24 })
        : t("sentence.trigger.time_in_status_hours", { status, hours: trigger.hours });
    }
    case "parcel_event": {
      const carrier = trigger.carriers.length ? listIn(locale, trigger.carriers.map(courierName)) : t("sentence.trigger.anyCarrier");
      if (!trigger.events.length) return t("sentence.trigger.parcel_event_any", { carrier });
      return t("sentence.trigger.parcel_event", { carrier, events: listIn(locale, trigger.events.map((e) => t(`sentence.parcelStates.${e}`))) });
    }
    default:
      return t(`sentence.trigger.${trigger.type}`);
  }
}

const LIST_CONDITIONS = ["channels", "paymentMethods", "shippingMethods", "couriers", "countries"] as const;

export function describeConditions(c: Conditions, { t, locale, names }: Wording): string[] {
  const parts: string[] = [];
  if (c.orderTypes.length) parts.push(t("sentence.condition.orderTypes", { list: listIn(locale, c.orderTypes.map(names.orderType)) }));
  if (c.statuses.length) parts.push(t("sentence.condition.statuses", { list: listIn(locale, c.statuses.map(names.status)) }));
  for (const key of LIST_CONDITIONS) if (c[key].length) parts.push(t(`sentence.condition.${key}`, { list: listIn(locale, c[key]) }));
  const min = c.totalMin === undefined ? undefined : amountIn(locale, c.totalMin);
  const max = c.totalMax === undefined ? undefined : amountIn(locale, c.totalMax);
  if (min !== undefined && max !== undefined) parts.push(t("sentence.condition.totalBetween", { min, max }));
  else if (min !== undefined) parts.push(t("sentence.condition.totalMin", { min }));
  else if (max !== undefined) parts.push(t("sentence.condition.totalMax", { max }));
  if (c.paid === true) parts.push(t("sentence.condition.paid"));
  if (c.paid === false) parts.push(t("sentence.condition.unpaid"));
  return parts;
}

export function describeAction(action: ActionSpec, { t, locale, names }: Wording): string {
  switch (action.type) {
    case "set_status":
      return t("sentence.action.set_status", { status: names.status(action.statusCode) });
    case "send_message": {
      const values = { status: names.status(action.statusCode), channel: action.channel };
      if (action.audience === "customer") return t("sentence.action.send_customer", values);
      if (!action.to.length) return t("sentence.action.send_admins", values);
      return t("sentence.action.send_to", { ...values, to: listIn(locale, action.to, "conjunction") });
    }
    case "add_comment": {
      const body = action.body.length > 60 ? `${action.body.slice(0, 57)}…` : action.body;
      return t("sentence.action.add_comment", { visible: action.customerVisible ? "yes" : "no", body });
    }
    case "attach_document":
      return t(action.email ? "sentence.action.attach_and_email" : "sentence.action.attach_document", { kind: action.kind });
  }
}

/** The rule in one sentence, in the reader's language: "When ..., if ..., do this, then that." */
export function describeRule(rule: Pick<RuleSpec, "trigger" | "conditions" | "actions">, wording: Wording): string {
  const { t, locale } = wording;
  const conditions = describeConditions(rule.conditions, wording);
  const trigger = describeTrigger(rule.trigger, wording);
  const when = conditions.length ? t("sentence.withConditions", { trigger, conditions: listIn(locale, conditions, "conjunction") }) : trigger;
  const actions = rule.actions.map((a) => describeAction(a, wording));
  const joined = actions.length > 1 ? t("sentence.thenLast", { first: actions.slice(0, -1).join(", "), last: actions.at(-1)! }) : (actions[0] ?? "");
  return t("sentence.whole", { when, actions: joined });
}

/** A failure's reason code in words; a code the catalogue does not know reads as "unknown error". */
export function reasonText(reason: string | undefined, t: AutomationsT): string {
  const key = `reasons.${reason ?? "unknown"}` as "reasons.unknown";
  return t.has(key) ? t(key) : t("reasons.unknown");
}

/**
 * What one action did (or would do), in the reader's language: from its catalogue message when
 * the run recorded one, else from the action as the rule has it now, else from its kind.
 */
export function outcomeText(outcome: ActionOutcome, spec: Pick<RuleSpec, "actions"> | undefined, wording: Wording): string {
  const { t } = wording;
  if (outcome.said) return t(`said.${outcome.said.key}`, outcome.said.values as never);
  if (outcome.outcome === "skipped") return t("said.notRun");
  const action = spec?.actions[outcome.index];
  const what = action && action.type === outcome.type ? describeAction(action, wording) : t(`action.types.${outcome.type}`);
  return outcome.outcome === "failed" ? t("said.failed", { what, reason: reasonText(outcome.reason, t) }) : what;
}

/**
 * The editor's field errors in the reader's language, keyed as the server sent them: each field
 * gets the catalogue's words for what it needs (the server's zod messages are English). A
 * comment's unknown variables are found here, so the message can name them.
 */
export function ruleFieldErrors(errors: FieldErrors, t: AutomationsT, templateProblems: (actionIndex: number) => TemplateProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const key of Object.keys(errors)) {
    const action = /^actions\.(\d+)\.([A-Za-z]+)/.exec(key);
    if (action?.[2] === "body") {
      const problems = templateProblems(Number(action[1])).map((p) =>
        p.variable === "{{" || p.variable === "}}"
          ? t("fieldErrors.strayBraces", { open: "{{", close: "}}", example: "{{variable}}" })
          : p.suggestion
            ? t("fieldErrors.unknownVariableSuggest", { variable: `{{${p.variable}}}`, suggestion: `{{${p.suggestion}}}` })
            : t("fieldErrors.unknownVariable", { variable: `{{${p.variable}}}` }),
      );
      out[key] = problems.length ? problems : [t("fieldErrors.body")];
      continue;
    }
    out[key] = [t(`fieldErrors.${fieldErrorKey(key)}`)];
  }
  return out;
}

function fieldErrorKey(key: string): "name" | "trigger" | "status" | "hours" | "list" | "statusesNeverHold" | "countries" | "total" | "actions" | "channel" | "to" | "kind" | "other" {
  if (key === "name") return "name";
  if (key === "trigger" || key === "trigger.type") return "trigger";
  if (key === "trigger.statusCode") return "status";
  if (key === "trigger.hours") return "hours";
  if (key.startsWith("trigger.carriers") || key.startsWith("trigger.events")) return "list";
  if (key === "conditions.statuses") return "statusesNeverHold";
  if (key.startsWith("conditions.countries")) return "countries";
  if (key === "conditions.totalMin" || key === "conditions.totalMax") return "total";
  if (key.startsWith("conditions.")) return "list";
  if (key === "actions") return "actions";
  const field = /^actions\.\d+\.([A-Za-z]+)/.exec(key)?.[1];
  if (field === "statusCode") return "status";
  if (field === "channel" || field === "to" || field === "kind") return field;
  return "other";
}
