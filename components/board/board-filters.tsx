"use client";

import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type Facets = { channels: string[]; couriers: string[]; paymentMethods: string[] };
type Search = { channel?: string; courier?: string; payment?: string; paid?: string; overdue?: string; q?: string };

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function FacetSelect({ name, label, value, options, all }: { name: string; label: string; value?: string; options: string[]; all: string }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-slate-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={selectClass} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o === "cod" ? "Cash on delivery" : o}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The board's filters as a GET form: every choice lands in the URL, so a filtered view can be
 * bookmarked or sent to a colleague. Menus apply at once; the search applies on Enter.
 */
export function BoardFiltersForm({
  types,
  typeCode,
  search,
  facets,
  action = "/board",
}: {
  types: { code: string; name: string }[];
  typeCode?: string;
  search: Search;
  facets: Facets;
  action?: string;
}) {
  const filtered = Boolean(search.channel || search.courier || search.payment || search.paid || search.overdue || search.q);
  return (
    <Form
      action={action}
      key={JSON.stringify(search) + typeCode}
      role="search"
      aria-label="Filter orders"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <label className="text-sm">
        <span className="block text-xs text-slate-600">Order type</span>
        <select name="type" defaultValue={typeCode ?? ""} className={selectClass} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {typeCode === undefined && <option value="">All types</option>}
          {types.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-600">Search</span>
        <input
          name="q"
          type="search"
          defaultValue={search.q}
          placeholder="Number, customer or email"
          className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <FacetSelect name="channel" label="Sales channel" value={search.channel} options={facets.channels} all="All channels" />
      <FacetSelect name="courier" label="Courier" value={search.courier} options={facets.couriers} all="All couriers" />
      <FacetSelect name="payment" label="Payment method" value={search.payment} options={facets.paymentMethods} all="All methods" />
      <label className="text-sm">
        <span className="block text-xs text-slate-600">Payment</span>
        <select name="paid" defaultValue={search.paid ?? ""} className={selectClass} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          <option value="">Paid or not</option>
          <option value="paid">Paid</option>
          <option value="unpaid">Unpaid</option>
        </select>
      </label>
      <label className="inline-flex items-center gap-2 self-center pt-4 text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={search.overdue === "1"} onChange={(e) => e.currentTarget.form?.requestSubmit()} />
        Overdue only
      </label>
      <button type="submit" className={buttonClasses("secondary")}>
        Apply
      </button>
      {filtered && (
        <Link href={typeCode ? `${action}?type=${encodeURIComponent(typeCode)}` : action} className={buttonClasses("ghost")}>
          Clear filters
        </Link>
      )}
    </Form>
  );
}
