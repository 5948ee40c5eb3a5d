import { useLocale, useTimeZone, useTranslations } from "next-intl";
import Link from "next/link";
import type { WebhookEndpoint } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { WebhookEndpointState } from "./webhook-endpoint-state";

type Item = { endpoint: WebhookEndpoint; queued: number; failed: number; lastAttemptAt: Date | null };

export function WebhookEndpointList({ items }: { items: Item[] }) {
  const t = useTranslations("integrations.list");
  const locale = useLocale();
  const timeZone = useTimeZone();
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
      {items.map(({ endpoint, queued, failed, lastAttemptAt }) => (
        <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
          <div className="min-w-0 space-y-0.5">
            <Link href={`/admin/integrations/webhooks/${endpoint.id}`} className="font-mono break-all text-blue-700 hover:underline">
              {endpoint.url}
            </Link>
            <div className="text-xs text-slate-500">
              {endpoint.description && <span>{endpoint.description} · </span>}
              {endpoint.eventTypes.join(", ")}
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
            {queued > 0 && <span>{t("queued", { count: queued })}</span>}
            {failed > 0 && <span className="text-red-700">{t("failed", { count: failed })}</span>}
            <span>{lastAttemptAt ? t("lastAttempt", { date: formatDateTime(lastAttemptAt, locale, timeZone) }) : t("nothingSent")}</span>
            <WebhookEndpointState endpoint={endpoint} />
          </div>
        </li>
      ))}
    </ul>
  );
}
