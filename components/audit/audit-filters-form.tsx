import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { AUDIT_KINDS } from "@/db/schema";
import { actorParam, type AuditActorOption, type AuditFilters } from "@/db/queries/audit-log";

const field = "rounded-md border border-slate-300 bg-white px-3 py-2";

/**
 * The filters as a plain GET form: the URL holds them, so a filtered view can be reloaded, linked
 * and paged; applying them starts again at the newest entry.
 */
export async function AuditFiltersForm({
  filters,
  actors,
  clearHref,
}: {
  filters: Omit<AuditFilters, "page">;
  actors: AuditActorOption[];
  clearHref?: string;
}) {
  const t = await getTranslations("audit");
  const chosenActor = filters.actor ? actorParam(filters.actor) : "";
  // A person linked from elsewhere may not be among the latest actors: keep the choice visible.
  const options = actors.some((a) => actorParam(a) === chosenActor) || !filters.actor ? actors : [...actors, { ...filters.actor, label: chosenActor }];
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label={t("filters.label")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <label>
        <span className="block text-slate-600">{t("filters.kind")}</span>
        <select name="kind" defaultValue={filters.kind ?? ""} className={field}>
          <option value="">{t("filters.allKinds")}</option>
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block text-slate-600">{t("filters.person")}</span>
        <select name="actor" defaultValue={chosenActor} className={`${field} max-w-xs`}>
          <option value="">{t("filters.everyone")}</option>
          {options.map((actor) => (
            <option key={actorParam(actor)} value={actorParam(actor)}>
              {actor.type === "system" ? t("actorTypes.system") : t("actorOption", { label: actor.label, type: t(`actorTypes.${actor.type}`) })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block text-slate-600">{t("filters.from")}</span>
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label>
        <span className="block text-slate-600">{t("filters.to")}</span>
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
      </label>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("filters.apply")}
      </button>
      {clearHref && (
        <Link href={clearHref} className="px-2 py-2 text-blue-700 underline">
          {t("filters.clear")}
        </Link>
      )}
    </form>
  );
}
