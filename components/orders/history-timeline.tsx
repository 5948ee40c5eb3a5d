import { StatusBadge } from "@/components/ui/status-badge";
import type { OrderHistoryEntry } from "@/db/queries/orders";
import { formatDateTime, formatMoney } from "@/lib/format";

function describe(entry: OrderHistoryEntry, currency: string) {
  const { event, from, to } = entry;
  switch (event.type) {
    case "created":
      return (
        <>
          Order created in {to && <StatusBadge name={to.name} colour={to.colour} />}
        </>
      );
    case "status_changed":
      return (
        <span className="inline-flex flex-wrap items-center gap-1.5">
          {from && <StatusBadge name={from.name} colour={from.colour} />}
          <span aria-label="to">→</span>
          {to && <StatusBadge name={to.name} colour={to.colour} />}
        </span>
      );
    case "payment_recorded": {
      const data = event.data as { amount?: number; paidAmount?: number; total?: number; fullyPaid?: boolean; reference?: string };
      return (
        <>
          Payment of {formatMoney(data.amount ?? 0, currency)} recorded
          {data.fullyPaid ? " — order paid in full" : ` (${formatMoney(data.paidAmount ?? 0, currency)} of ${formatMoney(data.total ?? 0, currency)})`}
          {data.reference && <span className="text-slate-500"> · {data.reference}</span>}
        </>
      );
    }
    default:
      return <>{event.type.replaceAll("_", " ")}</>;
  }
}

export function HistoryTimeline({ entries, currency }: { entries: OrderHistoryEntry[]; currency: string }) {
  return (
    <ol className="space-y-4" aria-label="Order history">
      {entries.map((entry) => (
        <li key={entry.event.id} className="relative border-l-2 border-slate-200 pl-4">
          <span className="absolute top-1.5 -left-[5px] h-2 w-2 rounded-full bg-slate-400" aria-hidden="true" />
          <div className="text-sm text-slate-900">{describe(entry, currency)}</div>
          <div className="mt-0.5 text-xs text-slate-500">
            {formatDateTime(entry.event.createdAt)} · {entry.event.actorLabel}
          </div>
          {entry.event.comment && (
            <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-700">
              {entry.event.comment}
              {entry.event.customerVisible && <span className="ml-2 text-xs text-blue-700">(visible to customer)</span>}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
