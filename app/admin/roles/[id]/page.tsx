import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { RoleEditor, type RoleEditorType } from "@/components/roles/role-editor";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { statuses as statusTable } from "@/db/schema";
import { requirePageUser } from "@/lib/auth";
import { roleName } from "@/lib/i18n/role-name";
import { nameIn } from "@/lib/i18n/name-in";
import { getRole, listRoles } from "@/lib/roles/roles";
import { loadAllDefinitions } from "@/lib/workflow-config/definitions";
import { deleteRoleAction, updateRoleAction } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("roles");
  const id = Number((await params).id);
  const found = Number.isSafeInteger(id) && id > 0 ? await getRole(await getDb(), id) : undefined;
  const common = await getTranslations("common");
  return { title: found ? t("editor.heading", { name: roleName(found.role, (key) => common(`roles.${key}`)) }) : t("title") };
}

export default async function RolePage({ params, searchParams }: Props) {
  await requirePageUser("admin");
  await connection();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const found = await getRole(db, id);
  if (!found) notFound();
  const [definitions, statusRows, summaries, locale, t, common, query] = await Promise.all([
    loadAllDefinitions(db),
    db.select({ id: statusTable.id, colour: statusTable.colour, translations: statusTable.translations }).from(statusTable),
    listRoles(db),
    getLocale(),
    getTranslations("roles"),
    getTranslations("common"),
    searchParams,
  ]);
  const statusById = new Map(statusRows.map((s) => [s.id, s]));
  // Per order type, the statuses of its process (where orders start and every step of its
  // matrix), in board order: the ones a right can mean anything for.
  const types: RoleEditorType[] = definitions.map(({ type, definition }) => {
    const used = new Set([definition.initialStatusId, ...definition.transitions.flatMap((step) => [step.from, step.to])]);
    return {
      id: type.id,
      name: nameIn(type, locale),
      statuses: definition.statuses
        .filter((s) => used.has(s.id) && !s.archived)
        .map((s) => ({
          id: s.id,
          name: nameIn({ name: s.name, translations: statusById.get(s.id)?.translations }, locale),
          colour: statusById.get(s.id)?.colour ?? "#475569",
        })),
    };
  });
  const { role, rights } = found;
  const name = roleName(role, (key) => common(`roles.${key}`));
  const members = summaries.find((r) => r.id === role.id)?.members ?? 0;

  return (
    <div className="max-w-5xl space-y-6">
      <div className="space-y-1">
        <Link href="/admin/roles" className="text-sm text-blue-800 underline underline-offset-2">
          {t("editor.back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("editor.heading", { name })}</h1>
        <p className="text-sm text-slate-600">{t("membersCount", { count: members })}</p>
      </div>
      {query.created === "1" && <Alert tone="success">{t("done.created", { name })}</Alert>}
      {role.builtIn === "admin" ? (
        <Alert tone="info">{t("editor.adminLocked")}</Alert>
      ) : (
        <RoleEditor
          role={{ id: role.id, name, builtIn: role.builtIn !== null, areas: role.areas, limitsStatuses: role.limitsStatuses, members }}
          rights={rights}
          types={types}
          save={updateRoleAction}
          remove={deleteRoleAction}
        />
      )}
    </div>
  );
}
