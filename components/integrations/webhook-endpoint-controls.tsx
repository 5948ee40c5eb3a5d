"use client";

import { type ActionReply, type ActionResult } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";

type Action = (input: { id: number }) => Promise<ActionResult>;

/** Enable or disable, send a test event, delete (asks first). Each answers in the alert above. */
export function WebhookEndpointControls({
  endpointId,
  enabled,
  setEnabled,
  sendTest,
  remove,
}: {
  endpointId: number;
  enabled: boolean;
  setEnabled: (input: { id: number; enabled: boolean }) => Promise<ActionResult>;
  sendTest: Action;
  remove: Action;
}) {
  const [state, setState] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const t = useTranslations("integrations.endpoint");
  const tc = useTranslations("common");
  const replyText = useReplyText();
  const run = (call: () => Promise<ActionResult>) => startTransition(async () => setState(await call()));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
        <Button variant={enabled ? "secondary" : "primary"} disabled={pending} onClick={() => run(() => setEnabled({ id: endpointId, enabled: !enabled }))}>
          {enabled ? t("disable") : t("enable")}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => run(() => sendTest({ id: endpointId }))}>
          {t("sendTest")}
        </Button>
        <ConfirmButton
          label={t("delete")}
          confirmLabel={tc("actions.delete")}
          question={t("deleteQuestion")}
          disabled={pending}
          onConfirm={() => run(() => remove({ id: endpointId }))}
        />
      </div>
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
    </div>
  );
}
