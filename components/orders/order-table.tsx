import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { OrderListRow } from "@/db/queries/orders";
import { formatDateTime, formatDuration, formatMoney } from "@/lib/format";

export function OrderTable({ rows, now }: { rows: OrderListRow[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">Order</th>
            <th scope="col" className="px-4 py-3">Customer</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">In status</th>
            <th scope="col" className="px-4 py-3">Channel</th>
            <th scope="col" className="px-4 py-3 text-right">Total</th>
            <th scope="col" className="px-4 py-3">Payment</th>
            <th scope="col" className="px-4 py-3">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="px-4 py-2.5 font-medium">
                <Link href={`/orders/${row.number}`} className="text-blue-700 hover:underline">
                  {row.number}
                </Link>
                <div className="text-xs text-slate-500">{row.orderType}</div>
              </td>
              <td className="px-4 py-2.5">{row.customerName}</td>
              <td className="px-4 py-2.5">
                <StatusBadge name={row.status.name} colour={row.status.colour} />
              </td>
              <td className="px-4 py-2.5 text-slate-600">{formatDuration(now.getTime() - row.statusChangedAt.getTime())}</td>
              <td className="px-4 py-2.5 text-slate-600">{row.channel}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(row.total, row.currency)}</td>
              <td className="px-4 py-2.5">
                {row.paidAt ? (
                  <span className="text-green-700">Paid</span>
                ) : (
                  <span className="text-amber-700">{row.paymentMethod === "cod" ? "Cash on delivery" : "Unpaid"}</span>
                )}
              </td>
              <td className="px-4 py-2.5 text-slate-600">{formatDateTime(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
