import Link from "next/link";
import { useTranslations } from "next-intl";
import { durationMessage, formatDateTime } from "@/lib/format";
import { useChannelName } from "@/components/orders/code-names";

export type StuckRow = {
  number: string;
  orderTypeCode: string;
  orderTypeName: string;
  channel: string;
  /** In the reader's language. */
  statusName: string;
  slaHours: number | null;
  statusChangedAt: Date;
  lastEventAt: Date;
  overSla: boolean;
  idle: boolean;
};

function boardHref(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return `/board?${query.toString()}`;
}

/** Stuck orders, each linking to its page and to itself on its type's board. */
export function StuckOrdersTable({
  rows,
  more,
  csvLimit,
  now,
  idleDays,
  locale,
  timeZone,
}: {
  rows: StuckRow[];
  /** More orders are stuck than the list shows (it is the longest-waiting ones). */
  more: boolean;
  /** The most the CSV download lists. */
  csvLimit: number;
  now: number;
  idleDays: number;
  locale: string;
  timeZone: string;
}) {
  const t = useTranslations("analytics.stuck");
  const tCommon = useTranslations("common");
  const channelName = useChannelName();
  const waited = (ms: number) => {
    const m = durationMessage(ms);
    return tCommon(`duration.${m.key}`, m.values as never);
  };
  return (
    <div className="space-y-2">
      {more && <p className="text-sm text-slate-600">{t("more", { shown: rows.length, csvLimit })}</p>}
      <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("table")}</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("order")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("status")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("inStatus")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("lastEvent")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("why")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("typeChannel")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">{t("board")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.number}>
                <th scope="row" className="px-3 py-1.5 font-medium">
                  <Link href={`/orders/${encodeURIComponent(r.number)}`} className="text-blue-700 underline-offset-2 hover:underline">
                    {r.number}
                  </Link>
                </th>
                <td className="px-3 py-1.5">{r.statusName}</td>
                <td className="px-3 py-1.5 tabular-nums">
                  {waited(now - r.statusChangedAt.getTime())}
                  {r.slaHours !== null && <span className="text-slate-500">{t("slaSuffix", { hours: r.slaHours })}</span>}
                </td>
                <td className="px-3 py-1.5 tabular-nums">{formatDateTime(r.lastEventAt, locale, timeZone)}</td>
                <td className="px-3 py-1.5">
                  <span className="flex flex-wrap gap-1">
                    {r.overSla && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">{t("overSla")}</span>}
                    {r.idle && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("idle", { days: idleDays })}</span>}
                  </span>
                </td>
                <td className="px-3 py-1.5 text-slate-600">
                  {r.orderTypeName} · {channelName(r.channel)}
                </td>
                <td className="px-3 py-1.5">
                  <Link
                    href={boardHref({ type: r.orderTypeCode, q: r.number })}
                    className="text-blue-700 underline-offset-2 hover:underline"
                    aria-label={t("onBoardLabel", { number: r.number })}
                  >
                    {t("onBoard")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** "Overdue on the board" for each order type that has stuck orders, keeping the channel filter. */
export function OverdueBoardLinks({ types, channel }: { types: { code: string; name: string }[]; channel?: string }) {
  const t = useTranslations("analytics.stuck");
  if (!types.length) return null;
  return (
    <p className="flex flex-wrap gap-3 text-sm">
      {types.map((type) => (
        <Link
          key={type.code}
          href={boardHref({ type: type.code, channel, overdue: "1" })}
          className="text-blue-700 underline-offset-2 hover:underline"
        >
          {t("overdueOnBoard", { type: type.name })}
        </Link>
      ))}
    </p>
  );
}
