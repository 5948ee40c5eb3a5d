"use client";

import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RotateSecretState } from "@/lib/action-state";

/**
 * The signing secret, hidden until asked for, with copy and rotate. Rotating takes effect at
 * once (retries too), so it asks first: the receiver must get the new secret.
 */
export function WebhookSecret({ secret: stored, rotate }: { secret: string; rotate: () => Promise<RotateSecretState> }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string>();
  const [state, setState] = useState<RotateSecretState>({});
  const secret = state.secret ?? stored;
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label="Signing secret"
          value={shown ? secret : `whsec_${"•".repeat(24)}`}
          onFocus={(e) => shown && e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
        />
        <Button variant="secondary" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? "Hide" : "Show"}
        </Button>
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret);
              setCopied("Secret copied.");
            } catch {
              setShown(true);
              setCopied("Copying is blocked here: select the secret and copy it.");
            }
          }}
        >
          Copy
        </Button>
        <ConfirmButton
          label="Rotate secret"
          confirmLabel="Rotate"
          question="Sign every delivery from now on with a new secret?"
          variant="primary"
          disabled={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await rotate();
              setState(result);
              // The receiver needs the new secret now: show it rather than make the admin ask again.
              if (result.secret) setShown(true);
            })
          }
        />
      </div>
      <p className="text-xs text-slate-600" role="status">
        {copied}
      </p>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
    </div>
  );
}
