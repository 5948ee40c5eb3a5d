"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { BoardGroup, StudioAction } from "./board-types";
import { ColourField } from "./colour-field";
import { ConfirmButton } from "./confirm-button";
import { Field, inputClasses } from "./field";

/** Rename, recolour or delete (only when empty) a group, in a disclosure on its header. */
export function GroupEditor({
  group,
  empty,
  updateGroup,
  deleteGroup,
}: {
  group: BoardGroup;
  empty: boolean;
  updateGroup: StudioAction;
  deleteGroup: StudioAction;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(group.name);
  const [colour, setColour] = useState(group.colour);
  const [state, setState] = useState<{ message?: string; ok?: boolean; fieldErrors?: Record<string, string[]> }>({});
  const [pending, startTransition] = useTransition();

  return (
    <div className="relative">
      <Button variant="ghost" className="px-2 py-1 text-xs" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={`Edit group ${group.name}`}>
        Edit
      </Button>
      {open && (
        <div className="absolute right-0 z-20 mt-1 w-80 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
          <Field label="Group name" errors={state.fieldErrors?.["group.name"]}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} className={inputClasses} />}
          </Field>
          <ColourField label="Group colour" value={colour} onChange={setColour} errors={state.fieldErrors?.["group.colour"]} preview={name} />
          {state.message && <p className={state.ok ? "text-sm text-green-800" : "text-sm text-red-700"} role={state.ok ? "status" : "alert"}>{state.message}</p>}
          <div className="flex flex-wrap items-center gap-2">
            <Button
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await updateGroup({ id: group.id, group: { name, colour, kind: group.kind } });
                  setState(result);
                  if (result.ok) setOpen(false);
                })
              }
            >
              {pending ? "Saving…" : "Save group"}
            </Button>
            {empty ? (
              <ConfirmButton
                label="Delete group"
                confirmLabel="Delete"
                question={`Delete ${group.name}?`}
                onConfirm={() => startTransition(async () => setState(await deleteGroup({ id: group.id })))}
              />
            ) : (
              <span className="text-xs text-slate-500">Move its statuses out to delete it.</span>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
