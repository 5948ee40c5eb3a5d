import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AuditEntryRow } from "@/components/audit/audit-entry-row";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { getDb } from "@/db";
import { actorParam, auditSearchSchema, listAuditActors, listAuditEntries, type AuditFilters } from "@/db/queries/audit-log";
import { requirePageUser } from "@/lib/auth";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** The address of the page with these filters (and page), so every view can be linked and reloaded. */
function hrefOf(filters: Omit<AuditFilters, "page">, page = 1): string {
  const q = new URLSearchParams();
  if (filters.kind) q.set("kind", filters.kind);
  if (filters.actor) q.set("actor", actorParam(filters.actor));
  if (filters.from) q.set("from", filters.from);
  if (filters.to) q.set("to", filters.to);
  if (page > 1) q.set("page", String(page));
  return `/admin/audit${q.size ? `?${q}` : ""}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  const { page, ...filters } = auditSearchSchema.parse(await searchParams);
  const db = await getDb();
  const timeZone = await getTimeZone();
  const [entries, actors, t, locale] = await Promise.all([
    listAuditEntries({ db, timeZone, page, ...filters }),
    listAuditActors({ db }),
    getTranslations("audit"),
    getLocale(),
  ]);
  const filtered = Boolean(filters.kind || filters.actor || filters.from || filters.to);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro", { timeZone })}</p>
      </div>
      <AuditFiltersForm filters={filters} actors={actors} clearHref={filtered ? "/admin/audit" : undefined} />
      {entries.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
          {filtered && (
            <Link href="/admin/audit" className="mt-3 inline-block text-blue-700 underline">
              {t("filters.clear")}
            </Link>
          )}
        </div>
      ) : (
        // A table wider than a phone scrolls, and its rows hold no control: the box itself takes the
        // keyboard's focus so it can be scrolled (axe: scrollable-region-focusable), named by the table.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div role="group" aria-label={t("table")} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-blue-500">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("table")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">{t("columns.when")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.who")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.what")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.subject")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.changes")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {entries.rows.map((entry) => (
                <AuditEntryRow key={entry.id} entry={entry} locale={locale} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(entries.page > 1 || entries.hasOlder) && (
        <nav aria-label={t("pager.label")} className="flex items-center justify-between text-sm">
          {entries.page > 1 ? (
            <Link href={hrefOf(filters, entries.page - 1)} rel="prev" className="rounded-md px-3 py-1.5 text-blue-700 hover:bg-blue-50">
              {t("pager.newer")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t("pager.page", { page: String(entries.page) })}</span>
          {entries.hasOlder ? (
            <Link href={hrefOf(filters, entries.page + 1)} rel="next" className="rounded-md px-3 py-1.5 text-blue-700 hover:bg-blue-50">
              {t("pager.older")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
