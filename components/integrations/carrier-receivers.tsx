"use client";

import { type ActionReply, type ActionResult } from "@/lib/action-result";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { formatDateTime } from "@/lib/format";
import { SecretField } from "./secret-field";

export type CarrierReceiverItem = {
  carrier: string;
  /** The whole receiving address, or null before it is set up. */
  address: string | null;
  /** The address with its secret hidden. */
  maskedAddress: string;
  lastReceivedAt: string | null;
};

type Issue = (input: { carrier: string }) => Promise<ActionResult<{ value: string; rotated: boolean }>>;

/**
 * Where carriers send their tracking webhooks (ADR 0159): per carrier, the secret address to paste
 * into its panel, set up with one click, shown on request, copied and replaced.
 */
export function CarrierReceivers({ items, issue }: { items: CarrierReceiverItem[]; issue: Issue }) {
  const t = useTranslations("integrations.carriers");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const replyText = useReplyText();
  const [created, setCreated] = useState<Record<string, ActionReply<{ value: string; rotated: boolean }>>>({});
  const [pending, startTransition] = useTransition();
  return (
    <ul className="space-y-4">
      {items.map((item) => {
        const reply = created[item.carrier];
        // The new address comes with the reply: the page's refresh may land after it.
        const address = reply?.ok ? reply.value.value : item.address;
        return (
          <li key={item.carrier} className="space-y-2" data-testid={`carrier-${item.carrier}`}>
            <h3 className="text-sm font-semibold text-slate-800">{t(`names.${item.carrier as "inpost"}`)}</h3>
            <p className="text-sm text-slate-600">{t(`setUp.${item.carrier as "inpost"}`)}</p>
            {address ? (
              <>
                <SecretField
                  value={address}
                  masked={item.maskedAddress}
                  texts={{ label: t("address"), copied: t("copied"), rotate: t("rotate"), rotateConfirm: t("rotateConfirm"), rotateQuestion: t("rotateQuestion") }}
                  rotate={() => issue({ carrier: item.carrier })}
                  initiallyShown={Boolean(reply?.ok)}
                />
                <p className="text-xs text-slate-600">
                  {item.lastReceivedAt ? t("lastReceived", { date: formatDateTime(new Date(item.lastReceivedAt), locale, timeZone) }) : t("nothingYet")}
                </p>
              </>
            ) : (
              <Button
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await issue({ carrier: item.carrier });
                    setCreated((c) => ({ ...c, [item.carrier]: result }));
                  })
                }
              >
                {t("create")}
              </Button>
            )}
            {/* The set-up's answer; a replacement answers inside the field. */}
            {reply && <Alert tone={reply.ok ? "success" : "error"}>{replyText(reply)}</Alert>}
          </li>
        );
      })}
    </ul>
  );
}
