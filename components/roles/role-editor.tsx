"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { ROLE_AREAS, type RoleArea } from "@/db/schema/roles";
import type { ActionReply, ActionResult } from "@/lib/action-result";
import { useRoleReplyText } from "./role-reply";

export type RoleEditorType = { id: number; name: string; statuses: { id: number; name: string; colour: string }[] };
type Right = { orderTypeId: number; statusId: number };
type SaveInput = { id: number; name?: string; areas: RoleArea[]; limitsStatuses: boolean; rights: Right[] };

type Props = {
  role: { id: number; name: string; builtIn: boolean; areas: RoleArea[]; limitsStatuses: boolean; members: number };
  rights: Right[];
  types: RoleEditorType[];
  save: (input: SaveInput) => Promise<ActionResult<{ id: number }>>;
  remove: (input: { id: number }) => Promise<ActionResult<{ name: string }>>;
};

const keyOf = (r: Right) => `${r.orderTypeId}:${r.statusId}`;

/**
 * A role's whole definition on one screen, saved at once: its name, the areas it opens, and
 * either every status or the ones ticked per order type. The engine applies it at each member's
 * next request; this screen only records it.
 */
export function RoleEditor({ role, rights, types, save, remove }: Props) {
  const t = useTranslations("roles");
  const replyText = useRoleReplyText();
  const router = useRouter();
  const [name, setName] = useState(role.name);
  const [areas, setAreas] = useState<Set<RoleArea>>(new Set(role.areas));
  const [limits, setLimits] = useState(role.limitsStatuses);
  const [ticked, setTicked] = useState<Set<string>>(new Set(rights.map(keyOf)));
  const [reply, setReply] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();

  const toggle = <T,>(set: Set<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  const setType = (type: RoleEditorType, on: boolean) =>
    setTicked((current) => type.statuses.reduce((next, s) => toggle(next, keyOf({ orderTypeId: type.id, statusId: s.id }), on), current));

  const submit = () =>
    startTransition(async () => {
      const chosen = [...ticked].map((key) => {
        const [orderTypeId, statusId] = key.split(":").map(Number);
        return { orderTypeId: orderTypeId!, statusId: statusId! };
      });
      const result = await save({
        id: role.id,
        ...(role.builtIn ? {} : { name }),
        areas: ROLE_AREAS.filter((a) => areas.has(a)),
        limitsStatuses: limits,
        rights: limits ? chosen : [],
      });
      setReply(result);
      if (result.ok) router.refresh();
    });

  const deleteRole = () =>
    startTransition(async () => {
      const result = await remove({ id: role.id });
      setReply(result);
      if (result.ok) router.push("/admin/roles");
    });

  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {reply && <Alert tone={reply.ok ? "success" : "error"}>{replyText(reply)}</Alert>}
      <Card>
        <div className="max-w-md">
          {role.builtIn ? (
            <p className="text-sm text-slate-600">{t("editor.builtInName")}</p>
          ) : (
            <Field label={t("editor.name")}>
              {(field) => <input {...field} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} className={inputClasses} />}
            </Field>
          )}
        </div>
      </Card>

      <Card>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-800">{t("editor.areasLegend")}</legend>
          <p className="text-sm text-slate-600">{t("editor.ordersAlways")}</p>
          {ROLE_AREAS.map((area) => (
            <div key={area} className="flex items-start gap-2 text-sm">
              <input
                id={`area-${area}`}
                type="checkbox"
                name="areas"
                value={area}
                checked={areas.has(area)}
                onChange={(e) => setAreas((current) => toggle(current, area, e.target.checked))}
                aria-describedby={`area-${area}-hint`}
                className="mt-0.5"
              />
              <div>
                <label htmlFor={`area-${area}`} className="font-medium">
                  {t(`areas.${area}`)}
                </label>
                <p id={`area-${area}-hint`} className="text-slate-600">
                  {t(`areaHints.${area}`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
      </Card>

      <Card>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-800">{t("editor.statusesLegend")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="limitsStatuses" value="all" checked={!limits} onChange={() => setLimits(false)} />
            {t("editor.everyStatus")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="limitsStatuses" value="listed" checked={limits} onChange={() => setLimits(true)} />
            {t("editor.listedStatuses")}
          </label>
          {limits && (
            <div className="space-y-4 pl-6">
              <p className="text-sm text-slate-600">{t("editor.listedHint")}</p>
              {types.map((type) => {
                const count = type.statuses.filter((s) => ticked.has(keyOf({ orderTypeId: type.id, statusId: s.id }))).length;
                return (
                  <fieldset key={type.id} className="rounded-md border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-medium">{t("editor.orderType", { name: type.name })}</legend>
                    {type.statuses.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("editor.noStatuses")}</p>
                    ) : (
                      <>
                        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                          <span className="text-slate-600" aria-live="polite">
                            {t("editor.chosen", { count })}
                          </span>
                          <Button variant="ghost" onClick={() => setType(type, true)}>
                            {t("editor.selectAll")}
                          </Button>
                          <Button variant="ghost" onClick={() => setType(type, false)}>
                            {t("editor.selectNone")}
                          </Button>
                        </div>
                        <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                          {type.statuses.map((status) => {
                            const key = keyOf({ orderTypeId: type.id, statusId: status.id });
                            return (
                              <li key={key}>
                                <label className="flex items-center gap-2 text-sm">
                                  <input
                                    type="checkbox"
                                    name="rights"
                                    value={key}
                                    checked={ticked.has(key)}
                                    onChange={(e) => setTicked((current) => toggle(current, key, e.target.checked))}
                                    aria-label={status.name}
                                  />
                                  <StatusBadge name={status.name} colour={status.colour} />
                                </label>
                              </li>
                            );
                          })}
                        </ul>
                      </>
                    )}
                  </fieldset>
                );
              })}
            </div>
          )}
        </fieldset>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("editor.saving") : t("editor.save")}
        </Button>
        {!role.builtIn &&
          (role.members > 0 ? (
            <p className="text-sm text-slate-600">{t("editor.deleteBlocked", { count: role.members })}</p>
          ) : (
            <ConfirmButton label={t("editor.delete")} confirmLabel={t("editor.confirmDelete")} question={t("editor.deleteQuestion", { name: role.name })} onConfirm={deleteRole} disabled={pending} />
          ))}
      </div>
    </form>
  );
}
