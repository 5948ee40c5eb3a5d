import Link from "next/link";
import { formatDateTime, formatDuration } from "@/lib/format";

export type StuckRow = {
  number: string;
  orderTypeCode: string;
  orderTypeName: string;
  channel: string;
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
export function StuckOrdersTable({ rows, total, now, idleDays }: { rows: StuckRow[]; total: number; now: number; idleDays: number }) {
  return (
    <div className="space-y-2">
      {total > rows.length && (
        <p className="text-sm text-slate-600">
          Showing the {rows.length} longest-waiting of {total} stuck orders; the CSV holds them all.
        </p>
      )}
      <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Stuck orders, longest waiting first</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Order</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">In status</th>
              <th scope="col" className="px-3 py-2 font-medium">Last event</th>
              <th scope="col" className="px-3 py-2 font-medium">Why</th>
              <th scope="col" className="px-3 py-2 font-medium">Type · channel</th>
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Board</span></th>
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
                  {formatDuration(now - r.statusChangedAt.getTime())}
                  {r.slaHours !== null && <span className="text-slate-500"> / SLA {r.slaHours} h</span>}
                </td>
                <td className="px-3 py-1.5 tabular-nums">{formatDateTime(r.lastEventAt)}</td>
                <td className="px-3 py-1.5">
                  <span className="flex flex-wrap gap-1">
                    {r.overSla && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">Over SLA</span>}
                    {r.idle && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Idle {idleDays}+ d</span>}
                  </span>
                </td>
                <td className="px-3 py-1.5 text-slate-600">
                  {r.orderTypeName} · {r.channel}
                </td>
                <td className="px-3 py-1.5">
                  <Link
                    href={boardHref({ type: r.orderTypeCode, q: r.number })}
                    className="text-blue-700 underline-offset-2 hover:underline"
                    aria-label={`Show ${r.number} on the board`}
                  >
                    On board
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
  if (!types.length) return null;
  return (
    <p className="flex flex-wrap gap-3 text-sm">
      {types.map((t) => (
        <Link
          key={t.code}
          href={boardHref({ type: t.code, channel, overdue: "1" })}
          className="text-blue-700 underline-offset-2 hover:underline"
        >
          {t.name}: overdue orders on the board →
        </Link>
      ))}
    </p>
  );
}
