import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/**
 * One figure of the page: a heading, a CSV download of exactly the table shown, and either the
 * content or an empty state that says why there is nothing to show.
 */
export function FigureCard({
  id,
  title,
  description,
  csvHref,
  empty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  csvHref: string;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  const t = useTranslations("analytics.csv");
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-800">
            {title}
          </h2>
          {description && <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{description}</p>}
        </div>
        <a href={csvHref} download className={buttonClasses("secondary", "py-1.5")} aria-label={t("downloadLabel", { title })}>
          {t("download")}
        </a>
      </header>
      <div className="space-y-4 p-4">
        {empty ? <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{emptyText}</p> : children}
      </div>
    </section>
  );
}

/** The numbers behind a chart, as a real table screen readers and keyboard users can read. */
export function FigureTable({ caption, headers, rows, numeric = [] }: { caption: string; headers: string[]; rows: ReactNode[][]; numeric?: number[] }) {
  return (
    // A table taller than its box scrolls; keyboard users must reach it to scroll it (axe:
    // scrollable-region-focusable), so the box is a named, focusable group (not a region: the section around it is that landmark).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="group" aria-label={caption} tabIndex={0} className="max-h-96 overflow-auto rounded-md border border-slate-200 focus:outline-2 focus:outline-blue-600">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium ${numeric.includes(i) ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-1.5 font-normal text-slate-800">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-1.5 tabular-nums ${numeric.includes(i) ? "text-right" : ""}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
