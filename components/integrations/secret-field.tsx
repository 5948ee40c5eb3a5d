"use client";

import { type ActionReply, type ActionResult } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";

/** What a secret field says that is its own; show, hide and copy are shared. */
export type SecretFieldTexts = { label: string; copied: string; rotate: string; rotateConfirm: string; rotateQuestion: string };

/**
 * A secret (a signing secret, a secret address), hidden until asked for, with copy and replace.
 * Replacing takes effect at once, so it asks first; the new value comes with the reply (the
 * page's refresh may land after it) and is shown at once, since whoever receives it needs it now.
 */
export function SecretField({
  value: stored,
  masked,
  texts,
  rotate,
  initiallyShown = false,
}: {
  value: string;
  masked: string;
  texts: SecretFieldTexts;
  rotate: () => Promise<ActionResult<{ value: string }>>;
  /** Shown from the start: a secret just made, which its receiver needs now. */
  initiallyShown?: boolean;
}) {
  const [shown, setShown] = useState(initiallyShown);
  const [copied, setCopied] = useState<string>();
  const [state, setState] = useState<ActionReply<{ value: string }>>(null);
  const value = state?.ok ? state.value.value : stored;
  const [pending, startTransition] = useTransition();
  const t = useTranslations("integrations.secret");
  const replyText = useReplyText();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label={texts.label}
          value={shown ? value : masked}
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
              await navigator.clipboard.writeText(value);
              setCopied(texts.copied);
            } catch {
              setShown(true);
              setCopied(t("copyBlocked"));
            }
          }}
        >
          {t("copy")}
        </Button>
        <ConfirmButton
          label={texts.rotate}
          confirmLabel={texts.rotateConfirm}
          question={texts.rotateQuestion}
          variant="primary"
          disabled={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await rotate();
              setState(result);
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
