import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { InviteForm } from "@/components/accounts/invite-form";
import { PeopleTable } from "@/components/accounts/people-table";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listPeople, listRoleChoices } from "@/db/queries/people";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { roleName } from "@/lib/i18n/role-name";
import {
  changeRoleAction,
  disableUserAction,
  enableUserAction,
  inviteUserAction,
  requirePasswordResetAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  await connection();
  const db = await getDb();
  const [people, roles, t, tc, locale, timeZone] = await Promise.all([
    listPeople(db),
    listRoleChoices(db),
    getTranslations("accounts"),
    getTranslations("common"),
    getLocale(),
    getTimeZone(),
  ]);
  const label = (role: { builtIn: string | null; name: string }) => roleName(role, (key) => tc(`roles.${key}`));
  const choices = roles.map((role) => ({ id: role.id, label: label(role) }));
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card title={t("invite.title")}>
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t("invite.intro")}</p>
          <InviteForm roles={choices} defaultRoleId={roles.find((r) => r.builtIn === "staff")?.id ?? choices[0]?.id ?? 0} action={inviteUserAction} />
        </div>
      </Card>
      <PeopleTable
        people={people.map((p) => ({
          id: p.id,
          name: p.name,
          email: p.email,
          roleId: p.role.id,
          roleLabel: label(p.role),
          state: p.state,
          lastSignIn: p.lastSignInAt ? formatDateTime(p.lastSignInAt, locale, timeZone) : null,
          isSelf: p.id === me.id,
        }))}
        roles={choices}
        actions={{
          resend: resendInvitationAction,
          revoke: revokeInvitationAction,
          disable: disableUserAction,
          enable: enableUserAction,
          requireReset: requirePasswordResetAction,
          changeRole: changeRoleAction,
        }}
      />
    </div>
  );
}
