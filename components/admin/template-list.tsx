"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "./field";

export type TemplateDraft = { key: string; title: string; body: string };

/**
 * Comment templates staff pick when changing to this status. Reordered with Up/Down buttons:
 * plain buttons work for keyboard and screen-reader users without any drag gesture.
 */
export function TemplateList({
  templates,
  onChange,
  errorsAt,
}: {
  templates: TemplateDraft[];
  onChange: (next: TemplateDraft[]) => void;
  errorsAt: (index: number, field: "title" | "body") => string[] | undefined;
}) {
  const t = useTranslations("templates");
  const move = (from: number, to: number) => {
    const next = [...templates];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    onChange(next);
  };
  const update = (index: number, patch: Partial<TemplateDraft>) =>
    onChange(templates.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">{t("commentTemplates")}</legend>
      {templates.length === 0 && <p className="text-sm text-slate-600">{t("list.empty")}</p>}
      <ol className="space-y-3" aria-label={t("commentTemplates")}>
        {templates.map((template, i) => (
          <li key={template.key} className="space-y-2 rounded-md border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs font-semibold text-slate-500">#{i + 1}</span>
              <div className="ml-auto flex gap-1">
                <Button variant="ghost" className="px-2 py-1 text-xs" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t("list.moveUp", { n: String(i + 1) })}>
                  {t("list.up")}
                </Button>
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  disabled={i === templates.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={t("list.moveDown", { n: String(i + 1) })}
                >
                  {t("list.down")}
                </Button>
                <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => onChange(templates.filter((_, j) => j !== i))} aria-label={t("list.removeNumbered", { n: String(i + 1) })}>
                  {t("list.remove")}
                </Button>
              </div>
            </div>
            <Field label={t("list.title", { n: String(i + 1) })} errors={errorsAt(i, "title")}>
              {(p) => <input {...p} value={template.title} onChange={(e) => update(i, { title: e.target.value })} className={inputClasses} />}
            </Field>
            <Field label={t("list.text", { n: String(i + 1) })} errors={errorsAt(i, "body")}>
              {(p) => <textarea {...p} rows={2} value={template.body} onChange={(e) => update(i, { body: e.target.value })} className={inputClasses} />}
            </Field>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => onChange([...templates, { key: crypto.randomUUID(), title: "", body: "" }])}>
        {t("list.add")}
      </Button>
    </fieldset>
  );
}
