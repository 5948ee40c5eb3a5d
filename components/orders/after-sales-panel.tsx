import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Status } from "@/db/schema";
import type { NameTranslations } from "@/db/schema/workflow";
import { formatMoney } from "@/lib/format";
import { nameIn } from "@/lib/i18n/name-in";

type Child = { number: string; total: number; currency: string; kind: string; type: { name: string; translations: NameTranslations }; status: Status };

/** A sale's returns and complaints on its page, each linked to its own (ADR 0161). */
export async function AfterSalesPanel({ requests, locale }: { requests: Child[]; locale: string }) {
  const t = await getTranslations("order.afterSales");
  if (requests.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <table className="w-full text-sm" data-testid="after-sales-panel">
      <thead>
        <tr className="text-left text-xs text-slate-600">
          <th className="py-1 font-medium">{t("number")}</th>
          <th className="py-1 font-medium">{t("type")}</th>
          <th className="py-1 font-medium">{t("status")}</th>
          <th className="py-1 text-right font-medium">{t("total")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {requests.map((r) => (
          <tr key={r.number}>
            <td className="py-1.5">
              <Link href={`/orders/${r.number}`} className="font-medium text-blue-700 hover:underline">
                {r.number}
              </Link>
            </td>
            <td className="py-1.5">{nameIn(r.type, locale)}</td>
            <td className="py-1.5">
              <StatusBadge name={nameIn(r.status, locale)} colour={r.status.colour} />
            </td>
            <td className="py-1.5 text-right tabular-nums">{formatMoney(r.total, r.currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
