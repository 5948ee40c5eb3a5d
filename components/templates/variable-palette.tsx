"use client";

import { useTranslations } from "next-intl";
import { VARIABLES } from "@/lib/notifications/catalogue";

/** The catalogue as buttons: a click inserts `{{name}}` where the cursor was in the last field used. */
export function VariablePalette({ onInsert }: { onInsert: (placeholder: string) => void }) {
  const t = useTranslations("templates");
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-slate-600">{t("variables.insert")}</p>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("variables.group")}>
        {VARIABLES.map((v) => (
          <button
            key={v.name}
            type="button"
            title={t("variables.hint", { description: t(`variables.descriptions.${v.name}`), sample: v.sample })}
            onMouseDown={(e) => e.preventDefault() /* keep the cursor in the field */}
            onClick={() => onInsert(`{{${v.name}}}`)}
            className="min-h-6 min-w-6 rounded border border-slate-200 bg-slate-50 px-1.5 py-1 font-mono text-xs text-slate-700 hover:bg-blue-50 hover:text-blue-800"
          >
            {v.name}
          </button>
        ))}
      </div>
    </div>
  );
}
