"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useReplyText } from "@/components/ui/reply-text";
import type { ActionReply, ActionResult } from "@/lib/action-result";
import type { PersonState } from "@/lib/accounts/state";
import type { RoleChoice } from "./invite-form";

export type PersonView = {
  id: number;
  name: string;
  email: string;
  roleId: number;
  roleLabel: string;
  state: PersonState;
  /** Already formatted in the shop's time zone; null: never signed in. */
  lastSignIn: string | null;
  isSelf: boolean;
};

type ById = (input: { id: number }) => Promise<ActionResult>;

export type PeopleActions = {
  resend: ById;
  revoke: ById;
  disable: ById;
  enable: ById;
  requireReset: ById;
  changeRole: (input: { id: number; roleId: number }) => Promise<ActionResult>;
};

const STATE_TONES: Record<PersonState, string> = {
  active: "bg-green-50 text-green-800 ring-green-200",
  invited: "bg-blue-50 text-blue-800 ring-blue-200",
  invitation_expired: "bg-amber-50 text-amber-900 ring-amber-200",
  must_set_password: "bg-amber-50 text-amber-900 ring-amber-200",
  disabled: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** Everyone with an account, with what can be done for each; destructive steps ask first. */
export function PeopleTable({ people, roles, actions }: { people: PersonView[]; roles: RoleChoice[]; actions: PeopleActions }) {
  const t = useTranslations("accounts");
  const replyText = useReplyText();
  const [outcome, setOutcome] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult>) => startTransition(async () => setOutcome(await work()));

  if (people.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("empty")}</p>;
  }

  return (
    <div className="space-y-3">
      {outcome && <Alert tone={outcome.ok ? "success" : "error"}>{replyText(outcome)}</Alert>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-left text-sm" aria-busy={pending}>
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">{t("table.name")}</th>
              <th scope="col" className="px-4 py-3">{t("table.role")}</th>
              <th scope="col" className="px-4 py-3">{t("table.state")}</th>
              <th scope="col" className="px-4 py-3">{t("table.lastSignIn")}</th>
              <th scope="col" className="px-4 py-3">{t("table.actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((person) => (
              <tr key={person.id} className="align-top">
                <th scope="row" className="px-4 py-3 font-normal">
                  <span className="font-medium text-slate-900">{person.name}</span> {person.isSelf && <span className="text-slate-600">{t("table.you")}</span>}
                  <div className="text-slate-600">{person.email}</div>
                </th>
                <td className="px-4 py-3">
                  <RoleCell person={person} roles={roles} disabled={pending} onSave={(roleId) => run(() => actions.changeRole({ id: person.id, roleId }))} />
                </td>
                <td className="px-4 py-3">
                  <span className={cn("inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1", STATE_TONES[person.state])}>{t(`states.${person.state}`)}</span>
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">{person.lastSignIn ?? t("table.never")}</td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-2">
                    <PersonActions person={person} actions={actions} pending={pending} run={run} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RoleCell({ person, roles, disabled, onSave }: { person: PersonView; roles: RoleChoice[]; disabled: boolean; onSave: (roleId: number) => void }) {
  const t = useTranslations("accounts.actions");
  const [roleId, setRoleId] = useState(person.roleId);
  const [seen, setSeen] = useState(person.roleId);
  // The server's answer wins once the page re-renders with it.
  if (person.roleId !== seen) {
    setSeen(person.roleId);
    setRoleId(person.roleId);
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={t("changeRoleLabel", { name: person.name })}
        value={roleId}
        onChange={(e) => setRoleId(Number(e.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {role.label}
          </option>
        ))}
      </select>
      {roleId !== person.roleId && (
        <Button variant="secondary" disabled={disabled} aria-label={t("saveRoleLabel", { name: person.name })} onClick={() => onSave(roleId)}>
          {t("saveRole")}
        </Button>
      )}
    </div>
  );
}

function PersonActions({ person, actions, pending, run }: { person: PersonView; actions: PeopleActions; pending: boolean; run: (work: () => Promise<ActionResult>) => void }) {
  const t = useTranslations("accounts.actions");
  const id = person.id;
  const name = person.name;
  return (
    <>
      {(person.state === "invited" || person.state === "invitation_expired") && (
        <>
          <Button variant="secondary" disabled={pending} aria-label={t("resendLabel", { name })} onClick={() => run(() => actions.resend({ id }))}>
            {t("resend")}
          </Button>
          <ConfirmButton label={t("revoke")} confirmLabel={t("confirm")} question={t("revokeQuestion")} disabled={pending} onConfirm={() => run(() => actions.revoke({ id }))} />
        </>
      )}
      {person.state === "active" && (
        <ConfirmButton
          label={t("requireReset")}
          confirmLabel={t("confirm")}
          question={t("requireResetQuestion")}
          disabled={pending}
          onConfirm={() => run(() => actions.requireReset({ id }))}
        />
      )}
      {person.state === "disabled" ? (
        <Button variant="secondary" disabled={pending} aria-label={t("enableLabel", { name })} onClick={() => run(() => actions.enable({ id }))}>
          {t("enable")}
        </Button>
      ) : (
        (person.state === "active" || person.state === "must_set_password") && <ConfirmButton label={t("disable")} confirmLabel={t("confirm")} question={t("disableQuestion")} disabled={pending} onConfirm={() => run(() => actions.disable({ id }))} />
      )}
    </>
  );
}
