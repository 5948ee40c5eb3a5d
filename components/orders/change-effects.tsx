"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { outcomeText } from "@/components/automations/words";
import type { ActionResult } from "@/lib/action-result";
import type { BulkEffects, ChangeEffects as Effects } from "@/lib/change-preview/types";
import { refusalText } from "@/lib/i18n/refusal-text";
import type { SingleChange } from "@/lib/status-change-input";
import { bulkEffectLines, effectLines, type EffectLine } from "./effect-lines";
import { usePreview, type PreviewState } from "./use-preview";

/** A change as its screen would send it, without the comment (it changes what is said, not what is sent). */
export type EffectsRequest = Omit<SingleChange, "comment" | "customerVisible">;
export type PreviewChange = (input: EffectsRequest) => Promise<ActionResult<Effects>>;

/**
 * What a change a person is about to confirm would do, worked out by the server the way the change
 * itself would be made (lib/change-preview): the messages (to which address, in which language),
 * the webhooks, the rules that fire; or why the change cannot be made. Asked again when the target
 * or the toggles change; a polite live region, so a screen reader hears it once it is known.
 */
export function ChangeEffects({
  preview,
  request,
  orderNumber,
  targetName,
}: {
  preview: PreviewChange;
  request: EffectsRequest | undefined;
  orderNumber: string;
  targetName: string | undefined;
}) {
  const t = useTranslations("effects");
  const automations = useTranslations("automations");
  const refusals = useTranslations("refusals");
  const locale = useLocale();
  const state = usePreview(preview, request);
  const identity = (code: string) => code;
  const lines = (effects: Effects) =>
    effectLines(effects, t, (action) => outcomeText(action, undefined, { t: automations, locale, names: { status: identity, orderType: identity } }));
  const refusal = (reply: ActionResult<Effects> & { ok: false }) =>
    t("refused", { reason: refusalText(refusals, reply.error, { orderNumber, targetName }) });
  return (
    <EffectsBox title={targetName ? t("titleFor", { to: targetName }) : t("title")} state={state} lines={lines} refusal={refusal} testId="change-effects" />
  );
}

export type BulkEffectsRequest = { orders: { orderId: number; expectedVersion: number }[]; to: number; notifyEmail: boolean; notifySms: boolean };
export type PreviewBulkChange = (input: BulkEffectsRequest) => Promise<ActionResult<BulkEffects>>;

/** The same for a bulk change, in counts over the selected orders. */
export function BulkChangeEffects({ preview, request }: { preview: PreviewBulkChange; request: BulkEffectsRequest | undefined }) {
  const t = useTranslations("effects");
  const orders = useTranslations("orders.report.outcomes");
  const replyWords = useTranslations("refusals");
  const state = usePreview(preview, request);
  return (
    <EffectsBox
      title={t("bulk.title")}
      state={state}
      lines={(counts) => bulkEffectLines(counts, t, (code) => orders(code))}
      refusal={(reply) => refusalText(replyWords, reply.error)}
      testId="bulk-effects"
    />
  );
}

function EffectsBox<T>({
  title,
  state,
  lines,
  refusal,
  testId,
}: {
  title: string;
  state: PreviewState<T>;
  lines: (value: T) => EffectLine[];
  refusal: (reply: ActionResult<T> & { ok: false }) => string;
  testId: string;
}) {
  const t = useTranslations("effects");
  const id = useId();
  if (state.kind === "idle") return null;
  return (
    <section aria-labelledby={id} aria-live="polite" aria-busy={state.kind === "loading"} data-testid={testId} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      {/* Not a heading: the box sits at different depths (a card, a dialog, a menu in a table). */}
      <p id={id} className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {title}
      </p>
      {state.kind === "loading" ? (
        <p className="text-slate-600">{t("loading")}</p>
      ) : state.kind === "failed" ? (
        <p className="text-amber-800">{t("failed")}</p>
      ) : !state.reply.ok ? (
        <p className="text-amber-800">{refusal(state.reply)}</p>
      ) : (
        <ul className="space-y-1">
          {lines(state.reply.value).map((line) => (
            <li key={line.key} className="flex gap-2 text-slate-800">
              <span aria-hidden="true" className="w-4 shrink-0 text-center text-slate-500">
                {line.icon}
              </span>
              <span className="min-w-0 break-words">
                {line.text}
                {line.note && <span className="text-amber-800"> — {line.note}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
