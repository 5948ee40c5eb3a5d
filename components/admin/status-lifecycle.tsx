"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction, StudioResult } from "./board-types";
import { ConfirmButton } from "./confirm-button";

/**
 * Archive, restore or delete. Deleting is offered only while no order has ever used the status;
 * otherwise archiving keeps it on those orders and in their history while nobody can choose it.
 */
export function StatusLifecycle({
  status,
  ordersInStatus,
  archive,
  remove,
}: {
  status: { id: number; name: string; archived: boolean };
  ordersInStatus: number;
  archive: StudioAction;
  remove: StudioAction;
}) {
  const router = useRouter();
  const [state, setState] = useState<StudioResult>({});
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3 text-sm">
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <p className="text-slate-600">
        {ordersInStatus > 0
          ? `${ordersInStatus} order(s) are in this status now.`
          : "No order is in this status now."}{" "}
        {status.archived ? "Archived: it stays on existing orders and their history but is no longer a target." : ""}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {status.archived ? (
          <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => setState(await archive({ id: status.id, archived: false })))}>
            Restore status
          </Button>
        ) : (
          <ConfirmButton
            label="Archive status"
            confirmLabel="Archive"
            question={`Archive ${status.name}? Orders can no longer move into it.`}
            disabled={pending}
            onConfirm={() => startTransition(async () => setState(await archive({ id: status.id, archived: true })))}
          />
        )}
        <ConfirmButton
          label="Delete status"
          confirmLabel="Delete for good"
          question={`Delete ${status.name}? This cannot be undone.`}
          disabled={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await remove({ id: status.id });
              setState(result);
              if (result.ok) router.push("/admin/statuses");
            })
          }
        />
      </div>
    </div>
  );
}
