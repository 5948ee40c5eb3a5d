"use client";

import { VARIABLES } from "@/lib/notifications/catalogue";

/** The catalogue as buttons: a click inserts `{{name}}` where the cursor was in the last field used. */
export function VariablePalette({ onInsert }: { onInsert: (placeholder: string) => void }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-slate-600">Insert a variable</p>
      <div className="flex flex-wrap gap-1" role="group" aria-label="Variables">
        {VARIABLES.map((v) => (
          <button
            key={v.name}
            type="button"
            title={`${v.description}, e.g. ${v.sample}`}
            onMouseDown={(e) => e.preventDefault() /* keep the cursor in the field */}
            onClick={() => onInsert(`{{${v.name}}}`)}
            className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 hover:bg-blue-50 hover:text-blue-800"
          >
            {v.name}
          </button>
        ))}
      </div>
    </div>
  );
}
