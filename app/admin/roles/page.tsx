import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { CreateRoleForm } from "@/components/roles/create-role-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { roleName } from "@/lib/i18n/role-name";
import { listRoles } from "@/lib/roles/roles";
import { createRoleAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("roles");
  return { title: t("title") };
}

export default async function RolesPage() {
  await requirePageUser("admin");
  await connection();
  const db = await getDb();
  const [list, t, common] = await Promise.all([listRoles(db), getTranslations("roles"), getTranslations("common")]);

  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("table.name")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("table.members")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("table.areas")}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t("table.statuses")}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((role) => (
              <tr key={role.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-4 font-medium">
                  <Link href={`/admin/roles/${role.id}`} className="text-blue-800 underline underline-offset-2">
                    {roleName(role, (key) => common(`roles.${key}`))}
                  </Link>
                  {role.builtIn && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("builtIn")}</span>}
                </th>
                <td className="py-2 pr-4">{t("membersCount", { count: role.members })}</td>
                <td className="py-2 pr-4">{role.areas.length === 0 ? t("noAreas") : role.areas.map((area) => t(`areas.${area}`)).join(", ")}</td>
                <td className="py-2">{role.limitsStatuses ? t("someStatuses", { count: role.statuses }) : t("allStatuses")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={t("create.heading")}>
        <CreateRoleForm action={createRoleAction} />
      </Card>
    </div>
  );
}
