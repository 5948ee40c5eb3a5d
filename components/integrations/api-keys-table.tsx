"use client";

import { type ActionReply, type ActionResult } from "@/lib/action-result";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useReplyText } from "@/components/ui/reply-text";
import { formatDateTime } from "@/lib/format";
import type { ApiKeyRow } from "./api-keys-types";

type Props = { keys: ApiKeyRow[]; revokeAction: (input: { id: number }) => Promise<ActionResult> };

/** Every key, newest first; live keys can be revoked after a confirmation. */
export function ApiKeysTable({ keys, revokeAction }: Props) {
  const [confirming, setConfirming] = useState<ApiKeyRow>();
  const [outcome, setOutcome] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const t = useTranslations("integrations.keys");
  const tc = useTranslations("common");
  const replyText = useReplyText();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const when = (iso: string | null, none: string) => (iso ? formatDateTime(new Date(iso), locale, timeZone) : none);

  if (keys.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{t("empty")}</p>;
  }

  return (
    <div className="space-y-3">
      {outcome && <Alert tone={outcome.ok ? "success" : "error"}>{replyText(outcome)}</Alert>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">{t("name")}</th>
              <th scope="col" className="py-2 pr-3">{t("key")}</th>
              <th scope="col" className="py-2 pr-3">{t("scope")}</th>
              <th scope="col" className="py-2 pr-3">{t("created")}</th>
              <th scope="col" className="py-2 pr-3">{t("lastUsed")}</th>
              <th scope="col" className="py-2 pr-3">{t("state")}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{key.name}</th>
                <td className="py-2 pr-3 font-mono text-xs">{key.prefix}…</td>
                <td className="py-2 pr-3">{key.scope}</td>
                <td className="py-2 pr-3">{when(key.createdAt, "")}</td>
                <td className="py-2 pr-3">{when(key.lastUsedAt, t("never"))}</td>
                <td className="py-2 pr-3">
                  {key.revokedAt ? <span className="text-red-700">{t("revokedOn", { date: when(key.revokedAt, "") })}</span> : <span className="text-green-800">{t("active")}</span>}
                </td>
                <td className="py-2 text-right">
                  {!key.revokedAt && (
                    <Button variant="secondary" aria-label={t("revokeLabel", { name: key.name })} onClick={() => setConfirming(key)}>
                      {t("revoke")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog open={confirming !== undefined} title={t("revokeTitle", { name: confirming?.name ?? "" })} onClose={() => setConfirming(undefined)}>
        <p className="text-sm text-slate-700">
          {t.rich("revokeBody", { prefix: confirming?.prefix ?? "", mono: (chunks) => <span className="font-mono">{chunks}</span> })}
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(undefined)} disabled={pending}>
            {tc("actions.cancel")}
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                if (!confirming) return;
                setOutcome(await revokeAction({ id: confirming.id }));
                setConfirming(undefined);
              })
            }
          >
            {pending ? t("revoking") : t("revokeKey")}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
