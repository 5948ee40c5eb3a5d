"use client";

import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction, StudioResult } from "./board-types";
import { Field, inputClasses } from "./field";
import { OrderTypeRow, type StatusOption, type TypeRow } from "./order-type-row";

type Props = {
  types: TypeRow[];
  statuses: StatusOption[];
  create: StudioAction;
  update: StudioAction;
  reorder: StudioAction;
  copy: StudioAction;
};

export function OrderTypesEditor({ types: initial, statuses, create, update, reorder, copy }: Props) {
  const [types, setTypes] = useState(initial);
  const [state, setState] = useState<StudioResult>({});
  const [draft, setDraft] = useState({ code: "", name: "", initialStatusId: statuses.find((s) => !s.archived)?.id ?? 0 });
  const [pending, startTransition] = useTransition();
  useEffect(() => setTypes(initial), [initial]);

  // Optimistic: the list moves at once and snaps back if the save is refused.
  function move(index: number, by: -1 | 1) {
    const next = [...types];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    const previous = types;
    setTypes(next);
    startTransition(async () => {
      const result = await reorder({ ids: next.map((t) => t.id) });
      setState(result.ok ? { ok: true, message: `${item.name} moved ${by < 0 ? "up" : "down"}.` } : result);
      if (!result.ok) setTypes(previous);
    });
  }

  return (
    <div className="space-y-6">
      <div aria-live="polite">{state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}</div>
      {types.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">No order types yet: create the first below.</p>
      ) : (
        <ol className="space-y-3" aria-label="Order types">
          {types.map((t, i) => (
            <OrderTypeRow
              key={t.id}
              type={t}
              others={types.filter((o) => o.id !== t.id)}
              statuses={statuses}
              update={update}
              copy={copy}
              moveControls={
                <span className="flex gap-1">
                  <Button variant="ghost" className="px-2 py-1 text-xs" disabled={i === 0 || pending} onClick={() => move(i, -1)} aria-label={`Move ${t.name} up`}>
                    ↑
                  </Button>
                  <Button variant="ghost" className="px-2 py-1 text-xs" disabled={i === types.length - 1 || pending} onClick={() => move(i, 1)} aria-label={`Move ${t.name} down`}>
                    ↓
                  </Button>
                </span>
              }
            />
          ))}
        </ol>
      )}
      <form
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label="New order type"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await create(draft);
            setState(result);
            if (result.ok) setDraft({ ...draft, code: "", name: "" });
          });
        }}
      >
        <h2 className="text-base font-semibold">New order type</h2>
        <div className="grid items-start gap-3 md:grid-cols-3">
          <Field label="Code" hint="e.g. b2b_export" errors={state.fieldErrors?.code}>
            {(p) => <input {...p} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} className={inputClasses} />}
          </Field>
          <Field label="Name" errors={state.fieldErrors?.name}>
            {(p) => <input {...p} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} className={inputClasses} />}
          </Field>
          <Field label="Initial status" errors={state.fieldErrors?.initialStatusId}>
            {(p) => (
              <select {...p} value={draft.initialStatusId} onChange={(e) => setDraft({ ...draft, initialStatusId: Number(e.target.value) })} className={inputClasses}>
                {statuses.filter((s) => !s.archived).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create order type"}
        </Button>
      </form>
    </div>
  );
}
