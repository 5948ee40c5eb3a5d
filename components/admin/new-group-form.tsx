"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction, StudioResult } from "./board-types";
import { KIND_LABELS } from "./board-types";
import { ColourField } from "./colour-field";
import { Field, inputClasses } from "./field";

export function NewGroupForm({ createGroup }: { createGroup: StudioAction }) {
  const [name, setName] = useState("");
  const [colour, setColour] = useState("#0f766e");
  const [kind, setKind] = useState("in_progress");
  const [state, setState] = useState<StudioResult>({});
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await createGroup({ name, colour, kind });
          setState(result);
          if (result.ok) setName("");
        });
      }}
    >
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <Field label="Group name" errors={state.fieldErrors?.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} className={inputClasses} />}
      </Field>
      <Field label="Kind" hint="Completed and not completed groups close the order: the lint treats them as ends." errors={state.fieldErrors?.kind}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value)} className={inputClasses}>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ColourField label="Group colour" value={colour} onChange={setColour} errors={state.fieldErrors?.colour} preview={name} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add group"}
      </Button>
    </form>
  );
}
