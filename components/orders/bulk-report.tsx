import type { ChangeOutcome } from "@/lib/status-change-input";

export type ReportLine = { orderId: number; number: string; outcome: ChangeOutcome; message: string };

const LABELS: Record<ChangeOutcome, string> = {
  changed: "Changed",
  not_allowed: "Not allowed",
  payment_required: "Payment required",
  conflict: "Conflict",
  not_found: "Not found",
  failed: "Failed",
};

const TONES: Record<ChangeOutcome, string> = {
  changed: "text-green-700",
  not_allowed: "text-slate-700",
  payment_required: "text-amber-800",
  conflict: "text-red-700",
  not_found: "text-red-700",
  failed: "text-red-700",
};

/** The end of a bulk change: the totals per outcome, then every order with what happened to it. */
export function BulkReport({ lines }: { lines: ReportLine[] }) {
  const totals = new Map<ChangeOutcome, number>();
  for (const line of lines) totals.set(line.outcome, (totals.get(line.outcome) ?? 0) + 1);
  return (
    <div className="space-y-3">
      <ul aria-label="Summary" className="flex flex-wrap gap-2 text-sm">
        {[...totals].map(([outcome, n]) => (
          <li key={outcome} className={`rounded-full bg-slate-100 px-2.5 py-0.5 font-medium ${TONES[outcome]}`}>
            {LABELS[outcome]}: {n}
          </li>
        ))}
      </ul>
      <div className="max-h-72 overflow-y-auto rounded border border-slate-200">
        <table className="w-full text-sm" aria-label="Result per order">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-2 py-1.5">Order</th>
              <th scope="col" className="px-2 py-1.5">Result</th>
              <th scope="col" className="px-2 py-1.5">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((line) => (
              <tr key={line.orderId}>
                <td className="px-2 py-1.5 font-medium">{line.number}</td>
                <td className={`px-2 py-1.5 font-medium ${TONES[line.outcome]}`}>{LABELS[line.outcome]}</td>
                <td className="px-2 py-1.5 text-slate-600">{line.outcome === "changed" ? "" : line.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
