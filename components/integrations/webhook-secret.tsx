"use client";

import { type ActionReply, type ActionResult } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";

/**
 * The signing secret, hidden until asked for, with copy and rotate. Rotating takes effect at
 * once (retries too), so it asks first: the receiver must get the new secret.
 */
export function WebhookSecret({
  endpointId,
  secret: stored,
  rotate,
}: {
  endpointId: number;
  secret: string;
  rotate: (input: { id: number }) => Promise<ActionResult<{ secret: string }>>;
}) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string>();
  const [state, setState] = useState<ActionReply<{ secret: string }>>(null);
  // The new secret comes with the reply: the page's refresh may land after it.
  const secret = state?.ok ? state.value.secret : stored;
  const [pending, startTransition] = useTransition();
  const t = useTranslations("integrations.secret");
  const replyText = useReplyText();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label={t("label")}
          value={shown ? secret : `whsec_${"•".repeat(24)}`}
          onFocus={(e) => shown && e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
        />
        <Button variant="secondary" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? t("hide") : t("show")}
        </Button>
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret);
              setCopied(t("copied"));
            } catch {
              setShown(true);
              setCopied(t("copyBlocked"));
            }
          }}
        >
          {t("copy")}
        </Button>
        <ConfirmButton
          label={t("rotate")}
          confirmLabel={t("rotateConfirm")}
          question={t("rotateQuestion")}
          variant="primary"
          disabled={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await rotate({ id: endpointId });
              setState(result);
              // The receiver needs the new secret now: show it rather than make the admin ask again.
              if (result.ok) setShown(true);
            })
          }
        />
      </div>
      <p className="text-xs text-slate-600" role="status">
        {copied}
      </p>
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
    </div>
  );
}
