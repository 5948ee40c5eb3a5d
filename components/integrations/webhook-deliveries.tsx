import { useLocale, useTimeZone, useTranslations } from "next-intl";
import Link from "next/link";
import { MessageState } from "@/components/mailbox/message-state";
import { buttonClasses } from "@/components/ui/button";
import type { WebhookDelivery } from "@/db/queries/webhooks";
import { formatDateTime } from "@/lib/format";

const GRID = "grid grid-cols-[minmax(10rem,1.4fr)_minmax(6rem,1fr)_6rem_6rem_6rem_minmax(8rem,1fr)_5.5rem] items-center gap-3";

function responseOf(delivery: WebhookDelivery, noAnswer: string): string {
  const last = delivery.attemptLog.at(-1);
  if (!last) return "—";
  return last.responseStatus !== null ? String(last.responseStatus) : noAnswer;
}

/** When a queued delivery goes out next: retries can be hours apart, so the admin needs the time. */
function NextAttempt({ delivery, endpointEnabled }: { delivery: WebhookDelivery; endpointEnabled: boolean }) {
  const t = useTranslations("integrations.deliveries");
  const locale = useLocale();
  const timeZone = useTimeZone();
  if (delivery.state !== "pending") return null;
  return (
    <p className="mt-1 text-xs text-slate-600" data-testid="next-attempt">
      {endpointEnabled ? t("nextAttempt", { date: formatDateTime(delivery.nextAttemptAt, locale, timeZone) }) : t("held")}
    </p>
  );
}

/**
 * An endpoint's deliveries log: one row per delivery with its last response, expandable to the
 * payload and every attempt, the time of the next attempt while it is queued, and a resend button
 * once it is sent or failed.
 */
export function WebhookDeliveries({
  endpointId,
  endpointEnabled,
  deliveries,
  resendAction,
}: {
  endpointId: number;
  endpointEnabled: boolean;
  deliveries: WebhookDelivery[];
  resendAction: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations("integrations.deliveries");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const when = (date: Date) => formatDateTime(date, locale, timeZone);
  if (deliveries.length === 0) {
    return <p className="text-sm text-slate-600">{t("empty")}</p>;
  }
  return (
    <div>
    <div aria-hidden="true" className={`${GRID} border-b border-slate-200 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase`}>
      <span>{t("event")}</span>
      <span>{t("order")}</span>
      <span>{t("state")}</span>
      <span>{t("attempts")}</span>
      <span>{t("response")}</span>
      <span>{t("time")}</span>
      <span />
    </div>
    <ul className="divide-y divide-slate-100" aria-label={t("label")}>
      {deliveries.map((d) => {
        const type = typeof d.payload.type === "string" ? d.payload.type : "?";
        return (
          <li key={d.id} className="py-2 text-sm" data-testid="webhook-delivery">
            <div className={GRID}>
              <code className="text-xs">{type}</code>
              <span>
                {d.orderNumber ? (
                  <Link href={`/orders/${d.orderNumber}`} className="text-blue-700 hover:underline">
                    {d.orderNumber}
                  </Link>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </span>
              <MessageState state={d.state} />
              <span className="tabular-nums" title={t("attempts")}>
                {t("attemptCount", { count: d.attemptLog.length })}
              </span>
              <span className="tabular-nums" aria-label={t("lastResponse")}>
                {responseOf(d, t("noAnswer"))}
              </span>
              <span className="text-slate-600">{when(d.sentAt ?? d.createdAt)}</span>
              <span>
                {(d.state === "sent" || d.state === "dead") && (
                  <form action={resendAction}>
                    <input type="hidden" name="endpointId" value={endpointId} />
                    <input type="hidden" name="outboxId" value={d.id} />
                    <button type="submit" className={buttonClasses("secondary", "py-1")}>
                      {t("resend")}
                    </button>
                  </form>
                )}
              </span>
            </div>
            {d.lastError && d.state !== "sent" && <p className="mt-1 text-xs text-red-700">{d.lastError}</p>}
            <NextAttempt delivery={d} endpointEnabled={endpointEnabled} />
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-600">{t("payload", { id: d.idempotencyKey })}</summary>
              <div className="mt-2 grid gap-3 lg:grid-cols-2">
                {/* A long payload scrolls: focusable so a keyboard can scroll it (axe: scrollable-region-focusable). */}
                {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
                <pre tabIndex={0} className="max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500">{JSON.stringify(d.payload, null, 2)}</pre>
                <ol className="space-y-2 text-xs">
                  {d.attemptLog.length === 0 && <li className="text-slate-600">{t("notAttempted")}</li>}
                  {d.attemptLog.map((a, i) => (
                    <li key={a.id} className="rounded border border-slate-200 p-2">
                      <div className="font-medium">
                        {t("attempt", {
                          number: String(i + 1),
                          date: when(a.createdAt),
                          status: a.responseStatus === null ? t("noAnswerShort") : String(a.responseStatus),
                          ms: String(a.durationMs),
                        })}
                      </div>
                      {a.error && <div className="text-red-700">{a.error}</div>}
                      {a.responseBody && (
                        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                        <pre tabIndex={0} className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap text-slate-700 focus-visible:outline-2 focus-visible:outline-blue-500">
                          {a.responseBody}
                        </pre>
                      )}
                    </li>
                  ))}
                </ol>
              </div>
            </details>
          </li>
        );
      })}
    </ul>
    </div>
  );
}
