"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClasses } from "./field";

export type CodePair = { key: string; channel: string; code: string };

/** Marketplace mappings: which code each sales channel uses for this status (e.g. allegro → SENT). */
export function ExternalCodesField({
  pairs,
  onChange,
  errorsAt,
}: {
  pairs: CodePair[];
  onChange: (next: CodePair[]) => void;
  errorsAt: (index: number, field: "channel" | "code") => string[] | undefined;
}) {
  const t = useTranslations("statuses.form");
  const update = (index: number, patch: Partial<CodePair>) => onChange(pairs.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t("externalCodes")}</legend>
      <p className="text-xs text-slate-500">{t("externalCodesHint")}</p>
      {pairs.map((pair, i) => {
        const errors = [...(errorsAt(i, "channel") ?? []), ...(errorsAt(i, "code") ?? [])];
        return (
          <div key={pair.key} className="space-y-1">
            <div className="flex items-center gap-2">
              <label className="sr-only" htmlFor={`${pair.key}-channel`}>
                {t("channel", { n: i + 1 })}
              </label>
              <input
                id={`${pair.key}-channel`}
                placeholder={"allegro"}
                value={pair.channel}
                aria-invalid={errorsAt(i, "channel") ? true : undefined}
                onChange={(e) => update(i, { channel: e.target.value })}
                className={inputClasses}
              />
              <span aria-hidden className="text-slate-400">→</span>
              <label className="sr-only" htmlFor={`${pair.key}-code`}>
                {t("codeFor", { n: i + 1 })}
              </label>
              <input
                id={`${pair.key}-code`}
                placeholder={"SENT"}
                value={pair.code}
                aria-invalid={errorsAt(i, "code") ? true : undefined}
                onChange={(e) => update(i, { code: e.target.value })}
                className={inputClasses}
              />
              <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => onChange(pairs.filter((_, j) => j !== i))} aria-label={t("removeCode", { n: i + 1 })}>
                {t("remove")}
              </Button>
            </div>
            {errors.length > 0 && <p className="text-sm text-red-700">{errors.join(" ")}</p>}
          </div>
        );
      })}
      <Button variant="secondary" onClick={() => onChange([...pairs, { key: crypto.randomUUID(), channel: "", code: "" }])}>
        {t("addCode")}
      </Button>
    </fieldset>
  );
}
