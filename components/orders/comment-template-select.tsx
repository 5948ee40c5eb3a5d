"use client";

import { useTranslations } from "next-intl";
import type { CommentTemplateChoice } from "./change-details-fields";

/** "Comment template": picking one puts its text in the comment, where staff may still edit it. */
export function CommentTemplateSelect({
  id,
  templates,
  onPick,
}: {
  id: string;
  templates: CommentTemplateChoice[];
  onPick: (body: string) => void;
}) {
  const t = useTranslations("order.change");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("template")}
      </label>
      <select
        id={id}
        defaultValue=""
        onChange={(e) => {
          const template = templates.find((t) => String(t.id) === e.target.value);
          if (template) onPick(template.body);
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">{t("writeOwn")}</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </div>
  );
}
