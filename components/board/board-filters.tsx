"use client";

import { useTranslations } from "next-intl";
import Form from "next/form";
import Link from "next/link";
import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useFacetOptions } from "@/components/orders/code-names";
import type { FilterFacets } from "@/db/queries/board";
import type { NamedOption } from "@/lib/named-options";

type Search = { channel?: string; courier?: string; payment?: string; paid?: string; overdue?: string; q?: string };

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function FacetSelect({ name, label, value, options, all }: { name: string; label: string; value?: string; options: NamedOption[]; all: string }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-slate-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={selectClass} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
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
  facets: FilterFacets;
  action?: string;
}) {
  const t = useTranslations("orders.filters");
  const payment = useTranslations("orders.payment");
  const options = useFacetOptions(facets);
  const moreId = useId();
  // On a phone the board comes first: the type and the search stay, the rest folds away until asked for.
  const folded = [search.channel, search.courier, search.payment, search.paid, search.overdue].filter(Boolean).length;
  const filtered = folded > 0 || Boolean(search.q);
  const [unfolded, setUnfolded] = useState(false);
  return (
    <Form
      action={action}
      key={JSON.stringify(search) + typeCode}
      role="search"
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <label className="text-sm">
        <span className="block text-xs text-slate-600">{t("orderType")}</span>
        <select name="type" defaultValue={typeCode ?? ""} className={selectClass} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {typeCode === undefined && <option value="">{t("allTypes")}</option>}
          {types.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-600">{t("search")}</span>
        <input
          name="q"
          type="search"
          defaultValue={search.q}
          placeholder={t("searchPlaceholder")}
          className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <button type="button" aria-expanded={unfolded} aria-controls={moreId} onClick={() => setUnfolded(!unfolded)} className={buttonClasses("ghost", "sm:hidden")}>
        {unfolded ? t("fewerFilters") : folded > 0 ? t("moreFiltersInUse", { count: String(folded) }) : t("moreFilters")}
      </button>
      <div id={moreId} className={cn("flex flex-wrap items-end gap-2 sm:contents", !unfolded && "max-sm:hidden")}>
        <FacetSelect name="channel" label={t("channel")} value={search.channel} options={options.channels} all={t("allChannels")} />
        <FacetSelect name="courier" label={t("courier")} value={search.courier} options={options.couriers} all={t("allCouriers")} />
        <FacetSelect name="payment" label={t("paymentMethod")} value={search.payment} options={options.paymentMethods} all={t("allMethods")} />
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("payment")}</span>
          <select name="paid" defaultValue={search.paid ?? ""} className={selectClass} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
            <option value="">{t("paidOrNot")}</option>
            <option value="paid">{payment("paid")}</option>
            <option value="unpaid">{payment("unpaid")}</option>
          </select>
        </label>
        <label className="inline-flex items-center gap-2 self-center pt-4 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={search.overdue === "1"} onChange={(e) => e.currentTarget.form?.requestSubmit()} />
          {t("overdueOnly")}
        </label>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("apply")}
      </button>
      {filtered && (
        <Link href={typeCode ? `${action}?type=${encodeURIComponent(typeCode)}` : action} className={buttonClasses("ghost")}>
          {t("clearFilters")}
        </Link>
      )}
    </Form>
  );
}
