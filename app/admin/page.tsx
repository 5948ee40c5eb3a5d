import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { listOrderTypes, listStatusesByGroup } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { lintMessage, listIn } from "@/lib/i18n/lint-text";
import { nameIn } from "@/lib/i18n/name-in";
import { loadWorkflowDefinition } from "@/lib/orders";
import { lintWorkflow } from "@/lib/workflow";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("metaTitle") };
}

export default async function AdminPage() {
  await requirePageUser("admin");
  const [t, tl, locale] = await Promise.all([getTranslations("admin"), getTranslations("lint"), getLocale()]);
  const db = await getDb();
  const [groups, types] = await Promise.all([listStatusesByGroup({ db }), listOrderTypes({ db })]);
  const checks = await Promise.all(
    types.map(async ({ type }) => {
      const definition = await loadWorkflowDefinition(db, type.id);
      return { type, issues: definition ? lintWorkflow(definition) : [] };
    }),
  );
  const names = new Map(groups.flatMap((g) => g.statuses.map((s) => [s.id, nameIn(s, locale)] as const)));
  const nameOf = (id: number) => names.get(id) ?? `#${id}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("overview.title")}</h1>
        <p className="text-sm text-slate-600">{t("overview.intro")}</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
        {groups.map(({ group, statuses }) => (
          <Card key={group.id} title={nameIn(group, locale)}>
            {statuses.length === 0 ? (
              <p className="text-sm text-slate-500">{t("overview.noStatuses")}</p>
            ) : (
              <ul className="space-y-2">
                {statuses.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2 text-sm">
                    <StatusBadge name={nameIn(s, locale)} colour={s.colour} />
                    <code className="min-w-0 truncate text-xs text-slate-500">{s.code}</code>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
      <Card title={t("overview.orderTypes")}>
        <ul className="space-y-4">
          {checks.map(({ type, issues }) => (
            <li key={type.id} className="space-y-2">
              <p className="text-sm">
                <span className="font-medium">{nameIn(type, locale)}</span> <code className="text-xs text-slate-500">{type.code}</code> ·{" "}
                {t("overview.startsIn", { status: nameOf(type.initialStatusId) })}
              </p>
              {issues.length === 0 ? (
                <Alert tone="success">{tl("consistent")}</Alert>
              ) : (
                issues.map((issue, i) => {
                  const m = lintMessage(issue, nameOf, listIn(locale));
                  return (
                    <Alert key={i} tone={issue.severity === "error" ? "error" : "warning"}>
                      {tl(`issues.${m.key}`, m.values as never)}
                    </Alert>
                  );
                })
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
