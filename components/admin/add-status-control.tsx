"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "./field";
import type { GridGroup, GridStatus } from "./matrix-grid";

/**
 * Adds another of the shop's statuses to the order type's grid and picture: it appears as a row
 * and a column with no allowed change, and becomes part of the order type once a change to or
 * from it is allowed (saved through the matrix's own action and lint, like any cell).
 */
export function AddStatusControl({
  candidates,
  groups,
  onAdd,
}: {
  candidates: GridStatus[];
  groups: GridGroup[];
  onAdd: (status: GridStatus) => void;
}) {
  const t = useTranslations("workflows.matrix");
  const id = useId();
  const [chosen, setChosen] = useState("");
  if (candidates.length === 0) return <p className="text-sm text-slate-600">{t("allAdded")}</p>;
  const selected = candidates.find((s) => String(s.id) === chosen);
  const inGroups = groups
    .map((g) => ({ group: g, members: candidates.filter((s) => s.groupId === g.id) }))
    .filter((g) => g.members.length > 0);
  const grouped = new Set(inGroups.flatMap((g) => g.members.map((s) => s.id)));
  const loose = candidates.filter((s) => !grouped.has(s.id));
  const option = (s: GridStatus) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!selected) return;
        onAdd(selected);
        setChosen("");
      }}
    >
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {t("addLabel")}
        </label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)} className={inputClasses}>
          <option value="">{t("addChoose")}</option>
          {inGroups.map(({ group, members }) => (
            <optgroup key={group.id} label={group.name}>
              {members.map(option)}
            </optgroup>
          ))}
          {loose.map(option)}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={!selected}>
        {t("add")}
      </Button>
    </form>
  );
}
