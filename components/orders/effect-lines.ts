import type { useTranslations } from "next-intl";
import type { ActionOutcome } from "@/lib/automation/trace";
import type { BulkEffects, ChangeEffects, PreviewMessage, RefusedOutcome } from "@/lib/change-preview/types";
import { resolveLocale } from "@/lib/i18n/locales";

/** The catalogue's `effects` namespace, from `useTranslations` (or a test's translator). */
export type EffectsT = ReturnType<typeof useTranslations<"effects">>;

/** One line of what a change will do: an icon for the eye, the words, and a note when a message will not go. */
export type EffectLine = { key: string; icon: string; text: string; note?: string };

const ICONS = { email: "✉", sms: "☎", alert: "🔔", webhook: "⇄", rule: "⚙", nothing: "∅", refused: "✗", changing: "→" } as const;

function messageLine(message: PreviewMessage, index: number, t: EffectsT): EffectLine {
  const language = t(`language.${resolveLocale(message.locale)}`);
  const values = { to: message.to, language, subject: message.subject ?? "" };
  const kind = message.audience === "admin" ? "alert" : message.channel;
  const text = kind === "alert" ? t("alert", values) : kind === "sms" ? t("sms", values) : t("email", values);
  return { key: `message-${index}`, icon: ICONS[kind], text, note: message.fate === "send" ? undefined : t(`notSent.${message.fate}`) };
}

/**
 * What one order's change will do, line by line, in the reader's language: every message (the
 * customer's email and SMS with address and language, the team's alerts), or that none will be
 * sent; the webhooks; the rules that fire, with what each of their actions does (`actionText`,
 * the automations' own wording); and where the order ends up when the rules move it on.
 */
export function effectLines(effects: ChangeEffects, t: EffectsT, actionText: (action: ActionOutcome) => string): EffectLine[] {
  const lines = effects.messages.map((m, i) => messageLine(m, i, t));
  if (lines.length === 0) lines.push({ key: "nothing", icon: ICONS.nothing, text: t("nothing") });
  effects.webhooks.forEach((w, i) => lines.push({ key: `webhook-${i}`, icon: ICONS.webhook, text: t("webhook", { type: w.type, count: w.endpoints }) }));
  effects.rules.forEach((r, i) =>
    lines.push({ key: `rule-${i}`, icon: ICONS.rule, text: t("rule", { name: r.ruleName, actions: r.actions.map(actionText).join("; ") }) }),
  );
  const last = effects.moves.at(-1);
  if (last) lines.push({ key: "ends-in", icon: ICONS.changing, text: t("endsIn", { to: last.statusName }) });
  return lines;
}

/**
 * What a bulk change will do, in counts: how many orders change, how many not and why (`outcome`
 * words a reason as the bulk report does), the messages, webhook deliveries and rules.
 */
export function bulkEffectLines(counts: BulkEffects, t: EffectsT, outcome: (code: RefusedOutcome) => string): EffectLine[] {
  const lines: EffectLine[] = [{ key: "changing", icon: ICONS.changing, text: t("bulk.changing", { count: counts.changing, total: counts.orders }) }];
  for (const [code, count] of Object.entries(counts.refused) as [RefusedOutcome, number][]) {
    lines.push({ key: `refused-${code}`, icon: ICONS.refused, text: t("bulk.refused", { outcome: outcome(code), count }) });
  }
  const messages = [
    ["emails", ICONS.email, counts.emails],
    ["sms", ICONS.sms, counts.sms],
    ["alerts", ICONS.alert, counts.alerts],
  ] as const;
  for (const [key, icon, count] of messages) if (count > 0) lines.push({ key, icon, text: t(`bulk.${key}`, { count }) });
  if (counts.emails + counts.sms + counts.alerts === 0) lines.push({ key: "nothing", icon: ICONS.nothing, text: t("nothing") });
  if (counts.notSent > 0) lines.push({ key: "not-sent", icon: ICONS.nothing, text: t("bulk.notSent", { count: counts.notSent }) });
  if (counts.webhooks > 0) lines.push({ key: "webhooks", icon: ICONS.webhook, text: t("bulk.webhooks", { count: counts.webhooks }) });
  counts.rules.forEach((r, i) => lines.push({ key: `rule-${i}`, icon: ICONS.rule, text: t("bulk.rule", { name: r.ruleName, count: r.orders }) }));
  return lines;
}
