import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

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

const plain = (values: string[]) => values.map((v) => ({ value: v, label: v === "cod" ? "Cash on delivery" : v }));

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
  facets: { channels: string[]; couriers: string[]; paymentMethods: string[] };
}) {
  const filtered = Object.values(values).some((v) => v !== undefined && v !== "");
  return (
    // Keyed by the filters: client navigation (e.g. "Clear") keeps the same elements, and an
    // uncontrolled field would otherwise go on showing the previous filter.
    <form key={JSON.stringify(values)} className="flex flex-wrap items-end gap-2" role="search">
      <label className="text-sm">
        <span className="block text-slate-600">Search</span>
        <input name="q" defaultValue={values.q} placeholder="Number, customer or email" className={`w-64 ${fieldClass}`} />
      </label>
      <Select name="status" label="Status" value={values.status} all="All statuses" options={statuses.map((s) => ({ value: String(s.id), label: s.name }))} />
      <Select name="type" label="Order type" value={values.type} all="All types" options={types.map((t) => ({ value: t.code, label: t.name }))} />
      <Select name="channel" label="Sales channel" value={values.channel} all="All channels" options={plain(facets.channels)} />
      <Select name="courier" label="Courier" value={values.courier} all="All couriers" options={plain(facets.couriers)} />
      <Select name="payment" label="Payment method" value={values.payment} all="All methods" options={plain(facets.paymentMethods)} />
      <Select name="paid" label="Paid" value={values.paid} all="Paid or not" options={[{ value: "paid", label: "Paid" }, { value: "unpaid", label: "Unpaid" }]} />
      <label className="inline-flex items-center gap-2 self-center pt-5 text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={values.overdue === "1"} /> Overdue only
      </label>
      <button type="submit" className={buttonClasses("secondary")}>
        Filter
      </button>
      {filtered && (
        <Link href="/orders" className={buttonClasses("ghost")}>
          Clear
        </Link>
      )}
    </form>
  );
}
