"use client";

import type { ActionReply } from "@/lib/action-result";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction } from "./board-types";
import { ConfirmButton } from "./confirm-button";
import { useAdminReplyText } from "./reply-text";
import { useStrandingConfirmation } from "./stranding-dialog";

/**
 * Archive, restore or delete. Deleting is offered only while no order has ever used the status;
 * otherwise archiving keeps it on those orders and in their history while nobody can choose it.
 * Archiving the only way forward of open orders is asked about once more, naming them.
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
  const t = useTranslations("statuses.lifecycle");
  const replyText = useAdminReplyText();
  const [state, setState] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const stranding = useStrandingConfirmation();

  function archiveStatus(confirmStranded?: number) {
    startTransition(async () => {
      const result = await archive({ id: status.id, archived: true, confirmStranded });
      setState(stranding.askIfStranding(result, archiveStatus) ? null : result);
    });
  }

  return (
    <div className="space-y-3 text-sm">
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <p className="text-slate-600">
        {ordersInStatus > 0 ? t("inStatus", { count: ordersInStatus }) : t("noneInStatus")} {status.archived ? t("archivedNote") : ""}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {status.archived ? (
          <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => setState(await archive({ id: status.id, archived: false })))}>
            {t("restore")}
          </Button>
        ) : (
          <ConfirmButton
            label={t("archive")}
            confirmLabel={t("archiveConfirm")}
            question={t("archiveQuestion", { name: status.name })}
            disabled={pending}
            onConfirm={() => archiveStatus()}
          />
        )}
        <ConfirmButton
          label={t("delete")}
          confirmLabel={t("deleteConfirm")}
          question={t("deleteQuestion", { name: status.name })}
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
      {stranding.dialog}
    </div>
  );
}
