import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { FilterFacets } from "@/db/queries/board";
import { useFacetOptions } from "./code-names";

type Option = { value: string; label: string };
export type OrderFilterValues = {
  q?: string;
  status?: number;
  type?: string;
  channel?: string;
  courier?: string;
  payment?: string;
  paid?: string;
  overdue?: string;
};

const fieldClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function Select({ name, label, value, all, options }: { name: string; label: string; value?: string | number; all: string; options: Option[] }) {
  return (
    <label className="text-sm">
      <span className="block text-slate-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The list's filters as a plain GET form: the URL holds the view, so it can be shared. */
export function OrderFilters({
  values,
  statuses,
  types,
  facets,
}: {
  values: OrderFilterValues;
  statuses: { id: number; name: string }[];
  types: { code: string; name: string }[];
  facets: FilterFacets;
}) {
  const t = useTranslations("orders.filters");
  const payment = useTranslations("orders.payment");
  const options = useFacetOptions(facets);
  const filtered = Object.values(values).some((v) => v !== undefined && v !== "");
  return (
    // Keyed by the filters: client navigation (e.g. "Clear") keeps the same elements, and an
    // uncontrolled field would otherwise go on showing the previous filter.
    <form key={JSON.stringify(values)} className="flex flex-wrap items-end gap-2" role="search" aria-label={t("label")}>
      <label className="text-sm">
        <span className="block text-slate-600">{t("search")}</span>
        <input name="q" defaultValue={values.q} placeholder={t("searchPlaceholder")} className={`w-64 ${fieldClass}`} />
      </label>
      <Select name="status" label={t("status")} value={values.status} all={t("allStatuses")} options={statuses.map((s) => ({ value: String(s.id), label: s.name }))} />
      <Select name="type" label={t("orderType")} value={values.type} all={t("allTypes")} options={types.map((type) => ({ value: type.code, label: type.name }))} />
      <Select name="channel" label={t("channel")} value={values.channel} all={t("allChannels")} options={options.channels} />
      <Select name="courier" label={t("courier")} value={values.courier} all={t("allCouriers")} options={options.couriers} />
      <Select
        name="payment"
        label={t("paymentMethod")}
        value={values.payment}
        all={t("allMethods")}
        options={options.paymentMethods}
      />
      <Select
        name="paid"
        label={t("paid")}
        value={values.paid}
        all={t("paidOrNot")}
        options={[
          { value: "paid", label: payment("paid") },
          { value: "unpaid", label: payment("unpaid") },
        ]}
      />
      <label className="inline-flex items-center gap-2 self-center pt-5 text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={values.overdue === "1"} /> {t("overdueOnly")}
      </label>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("filter")}
      </button>
      {filtered && (
        <Link href="/orders" className={buttonClasses("ghost")}>
          {t("clear")}
        </Link>
      )}
    </form>
  );
}
