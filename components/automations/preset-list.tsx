"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import type { PresetItem } from "./types";

/** Automations from real shops, one click each; a preset needing statuses this shop lacks says which. */
export function PresetList({ presets, applyPreset }: { presets: PresetItem[]; applyPreset: (input: unknown) => Promise<ActionState> }) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [pending, startTransition] = useTransition();
  const [busyKey, setBusyKey] = useState<string>();
  return (
    <div className="space-y-3">
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      <ul className="grid gap-3 md:grid-cols-2">
        {presets.map((preset) => (
          <li key={preset.key} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`preset-${preset.key}`}>
            <h3 className="text-sm font-semibold text-slate-800">{preset.title}</h3>
            <p className="text-sm text-slate-600">{preset.description}</p>
            {preset.missingStatuses.length > 0 ? (
              <p className="text-sm text-amber-800">
                Needs {preset.missingStatuses.length === 1 ? "a status" : "statuses"} this shop does not have:{" "}
                {preset.missingStatuses.map((c) => (
                  <code key={c} className="mr-1 rounded bg-amber-50 px-1">
                    {c}
                  </code>
                ))}
                Add {preset.missingStatuses.length === 1 ? "it" : "them"} in Statuses first.
              </p>
            ) : (
              <Button
                variant="secondary"
                disabled={pending}
                aria-label={`Add preset: ${preset.title}`}
                onClick={() => {
                  setBusyKey(preset.key);
                  startTransition(async () => {
                    const result = await applyPreset({ key: preset.key });
                    setMessage({ tone: result.ok ? "success" : "error", text: result.message ?? "" });
                    setBusyKey(undefined);
                  });
                }}
              >
                {busyKey === preset.key ? "Adding…" : preset.ruleCount === 1 ? "Add rule" : `Add ${preset.ruleCount} rules`}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
