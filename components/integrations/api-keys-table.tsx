"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action-state";
import { formatDateTime } from "@/lib/format";
import type { ApiKeyRow } from "./api-keys-types";

type Props = { keys: ApiKeyRow[]; revokeAction: (id: number) => Promise<ActionState> };

const when = (iso: string | null, none: string) => (iso ? formatDateTime(new Date(iso)) : none);

/** Every key, newest first; live keys can be revoked after a confirmation. */
export function ApiKeysTable({ keys, revokeAction }: Props) {
  const [confirming, setConfirming] = useState<ApiKeyRow>();
  const [outcome, setOutcome] = useState<ActionState>();
  const [pending, startTransition] = useTransition();

  if (keys.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">No API keys yet. Create one above for each system that talks to Orderly.</p>;
  }

  return (
    <div className="space-y-3">
      {outcome?.message && <Alert tone={outcome.ok ? "success" : "error"}>{outcome.message}</Alert>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">API keys</caption>
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="py-2 pr-3">Key</th>
              <th scope="col" className="py-2 pr-3">Scope</th>
              <th scope="col" className="py-2 pr-3">Created</th>
              <th scope="col" className="py-2 pr-3">Last used</th>
              <th scope="col" className="py-2 pr-3">State</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{key.name}</th>
                <td className="py-2 pr-3 font-mono text-xs">{key.prefix}…</td>
                <td className="py-2 pr-3">{key.scope}</td>
                <td className="py-2 pr-3">{when(key.createdAt, "")}</td>
                <td className="py-2 pr-3">{when(key.lastUsedAt, "Never")}</td>
                <td className="py-2 pr-3">
                  {key.revokedAt ? <span className="text-red-700">Revoked {when(key.revokedAt, "")}</span> : <span className="text-green-800">Active</span>}
                </td>
                <td className="py-2 text-right">
                  {!key.revokedAt && (
                    <Button variant="secondary" aria-label={`Revoke ${key.name}`} onClick={() => setConfirming(key)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog open={confirming !== undefined} title={`Revoke "${confirming?.name ?? ""}"?`} onClose={() => setConfirming(undefined)}>
        <p className="text-sm text-slate-700">
          Requests with the key <span className="font-mono">{confirming?.prefix}…</span> will be refused at once. This cannot be undone: the
          system using it needs a new key.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(undefined)} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                if (!confirming) return;
                setOutcome(await revokeAction(confirming.id));
                setConfirming(undefined);
              })
            }
          >
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
