"use client";

import { type ActionResult } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { Fragment, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import type { PresetItem } from "./types";

/** Automations from real shops, one click each; a preset needing statuses this shop lacks says which. */
export function PresetList({ presets, applyPreset }: { presets: PresetItem[]; applyPreset: (input: unknown) => Promise<ActionResult> }) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [pending, startTransition] = useTransition();
  const [busyKey, setBusyKey] = useState<string>();
  const t = useTranslations("automations.presets");
  const replyText = useReplyText();
  // The presets' own words (lib) are English; the catalogue has each known preset in both languages.
  const words = (preset: PresetItem) =>
    t.has(`items.${preset.key}.title` as "items.sort_by_courier.title")
      ? { title: t(`items.${preset.key as "sort_by_courier"}.title`), description: t(`items.${preset.key as "sort_by_courier"}.description`) }
      : { title: preset.title, description: preset.description };
  return (
    <div className="space-y-3">
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      <ul className="grid gap-3 md:grid-cols-2">
        {presets.map((preset) => {
          const { title, description } = words(preset);
          return (
          <li key={preset.key} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`preset-${preset.key}`}>
            <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
            <p className="text-sm text-slate-600">{description}</p>
            {preset.missingStatuses.length > 0 ? (
              <p className="text-sm text-amber-800">
                {t("needs", { count: preset.missingStatuses.length })}{" "}
                {/* A space after each code: the line may break between them, and the sentence goes on after the last. */}
                {preset.missingStatuses.map((c) => (
                  <Fragment key={c}>
                    <code className="rounded bg-amber-50 px-1 break-words">{c}</code>{" "}
                  </Fragment>
                ))}
                {t("addFirst", { count: preset.missingStatuses.length })}
              </p>
            ) : (
              <Button
                variant="secondary"
                disabled={pending}
                aria-label={t("addPreset", { title, count: preset.ruleCount })}
                onClick={() => {
                  setBusyKey(preset.key);
                  startTransition(async () => {
                    const result = await applyPreset({ key: preset.key });
                    setMessage({ tone: result.ok ? "success" : "error", text: replyText(result) ?? "" });
                    setBusyKey(undefined);
                  });
                }}
              >
                {busyKey === preset.key ? t("adding") : t("add", { count: preset.ruleCount })}
              </Button>
            )}
          </li>
          );
        })}
      </ul>
    </div>
  );
}
