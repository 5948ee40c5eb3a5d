"use client";

import { useLocale, useTranslations } from "next-intl";
import type { LintIssue } from "@/lib/workflow";
import { lintMessage, listIn } from "@/lib/i18n/lint-text";
import { cn } from "@/components/ui/cn";
import type { MatrixApi } from "./use-matrix";

/**
 * The live lint beside the grid: every problem in words, errors first, with the one-click fix
 * where the lint offers one. Hovering or focusing an issue outlines its cells in the grid.
 */
export function LintPanel({ matrix, onFocusIssue }: { matrix: MatrixApi; onFocusIssue: (issue: LintIssue | undefined) => void }) {
  const t = useTranslations("lint");
  const list = listIn(useLocale());
  const { issues } = matrix;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return (
    <section aria-labelledby="lint-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="lint-heading" className="text-sm font-semibold text-slate-800">
        {t("title")}
      </h2>
      <p role="status" className={cn("text-sm", errors ? "text-red-800" : issues.length ? "text-amber-800" : "text-green-800")}>
        {errors ? t("summaryErrors", { errors, warnings }) : issues.length ? t("summaryWarnings", { warnings }) : t("consistent")}
      </p>
      <ul className="space-y-2" aria-label={t("list")}>
        {issues.map((issue) => {
          const m = lintMessage(issue, matrix.nameOf, list);
          return (
            <li
              key={`${issue.code}:${issue.statusIds.join(",")}`}
              onMouseEnter={() => onFocusIssue(issue)}
              onMouseLeave={() => onFocusIssue(undefined)}
              className={cn(
                "rounded-md border px-3 py-2 text-sm",
                issue.severity === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900",
              )}
            >
              <p>
                <span className="font-semibold">{issue.severity === "error" ? t("error") : t("warning")}:</span> {t(`issues.${m.key}`, m.values as never)}
              </p>
              {issue.fix && (
                <button
                  type="button"
                  className="mt-1 rounded border border-current px-2 py-0.5 text-xs font-medium hover:bg-white"
                  disabled={matrix.pending}
                  onFocus={() => onFocusIssue(issue)}
                  onBlur={() => onFocusIssue(undefined)}
                  onClick={() => issue.fix && matrix.toggle(issue.fix.from, issue.fix.to, false)}
                >
                  {t("fix", { from: matrix.nameOf(issue.fix.from), to: matrix.nameOf(issue.fix.to) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
