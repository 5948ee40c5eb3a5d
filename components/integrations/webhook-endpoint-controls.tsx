"use client";

import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

type Action = () => Promise<ActionState>;

/** Enable or disable, send a test event, delete (asks first). Each answers in the alert above. */
export function WebhookEndpointControls({
  enabled,
  setEnabled,
  sendTest,
  remove,
}: {
  enabled: boolean;
  setEnabled: (enabled: boolean) => Promise<ActionState>;
  sendTest: Action;
  remove: Action;
}) {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const run = (action: Action) => startTransition(async () => setState(await action()));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
        <Button variant={enabled ? "secondary" : "primary"} disabled={pending} onClick={() => run(() => setEnabled(!enabled))}>
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => run(sendTest)}>
          Send test event
        </Button>
        <ConfirmButton
          label="Delete endpoint"
          confirmLabel="Delete"
          question="Delete this endpoint and its deliveries log?"
          disabled={pending}
          onConfirm={() => run(remove)}
        />
      </div>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
    </div>
  );
}
