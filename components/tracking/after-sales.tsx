import type { AfterSalesOffer, CustomerRequest } from "@/db/queries/after-sales";
import { readableTextColour } from "@/lib/format";
import { customerTranslator, formatDateIn, type Locale } from "@/lib/i18n";
import { RETURN_REASONS, DESCRIPTION_MAX } from "@/lib/returns/reasons";
import { QUANTITY_FIELD_PREFIX } from "@/lib/returns/form";

type Props = {
  token: string;
  locale: Locale;
  brandColour: string;
  afterSales: { returnWindowDays: number; return: AfterSalesOffer; complaint: AfterSalesOffer; requests: CustomerRequest[] };
  /** The outcome the request's redirect named: `sent`, or an error key of `afterSales.errors`. */
  outcome: { sent: boolean; error: string | null };
};

/**
 * The tracking page's returns and complaints (ADR 0161): a plain form posted to
 * /track/[token]/return (it works without script), and each request's progress by its customer
 * label. Shown once the order is completed; nothing of the customer's but their items.
 */
export function AfterSales({ token, locale, brandColour, afterSales, outcome }: Props) {
  const t = customerTranslator(locale);
  const { return: ret, complaint, requests } = afterSales;
  // A kind is offered while the order takes it and something is left to pick.
  const usable = (o: AfterSalesOffer) => o.eligibility.eligible && o.lines.some((l) => l.left > 0);
  const open = usable(ret) || usable(complaint);
  const notCompleted = !ret.eligibility.eligible && ret.eligibility.reason === "not_completed";
  if (notCompleted && requests.length === 0) return null;
  const date = (d: Date) => formatDateIn(locale, d, false);
  const errorKey = outcome.error && t.has(`afterSales.errors.${outcome.error}` as "afterSales.errors.reason") ? (`afterSales.errors.${outcome.error}` as "afterSales.errors.reason") : null;
  const lines = usable(ret) ? ret.lines : complaint.lines;

  return (
    <section id="after-sales" className="space-y-4 rounded-xl bg-white p-5 shadow-sm" data-testid="after-sales">
      <h2 className="font-semibold">{t("afterSales.title")}</h2>
      {outcome.sent && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("afterSales.sent")}
        </p>
      )}
      {errorKey && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          {t(errorKey)}
        </p>
      )}
      {!notCompleted && ret.eligibility.closesAt && (
        <p className="text-sm text-slate-700">
          {ret.eligibility.eligible
            ? t("afterSales.returnUntil", { date: date(ret.eligibility.closesAt), days: afterSales.returnWindowDays })
            : complaint.eligibility.eligible
              ? t("afterSales.returnClosed", { date: date(ret.eligibility.closesAt) })
              : t("afterSales.allClosed")}
        </p>
      )}

      {open && (
        <form method="post" action={`/track/${token}/return?lang=${locale}`} className="space-y-4" data-testid="return-form">
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("afterSales.kind")}</legend>
            {(["return", "complaint"] as const).map((kind) => {
              const offered = usable(kind === "return" ? ret : complaint);
              return (
                <label key={kind} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="kind" value={kind} disabled={!offered} defaultChecked={offered && (kind === "return" || !usable(ret))} />
                  <span>
                    {t(`afterSales.kinds.${kind}`)} <span className="text-slate-600">– {t(`afterSales.kindHints.${kind}`)}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("afterSales.items")}</legend>
            <ul className="divide-y divide-slate-100 text-sm">
              {lines.map((line) => (
                <li key={line.sku} className="flex items-center justify-between gap-4 py-1.5">
                  <span>{line.name}</span>
                  {line.left > 0 ? (
                    <input
                      type="number"
                      name={`${QUANTITY_FIELD_PREFIX}${line.sku}`}
                      min={0}
                      max={line.left}
                      step={1}
                      defaultValue={0}
                      aria-label={t("afterSales.quantityOf", { name: line.name, max: String(line.left) })}
                      className="w-20 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums"
                    />
                  ) : (
                    <span className="text-slate-600">{t("afterSales.nothingLeft")}</span>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t("afterSales.reason")}</span>
            <select name="reason" defaultValue="" className="block w-full rounded-md border border-slate-300 px-2 py-1.5">
              <option value="">{t("afterSales.chooseReason")}</option>
              {RETURN_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`afterSales.reasons.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t("afterSales.description")}</span>
            <textarea name="description" rows={3} maxLength={DESCRIPTION_MAX} className="block w-full rounded-md border border-slate-300 px-2 py-1.5" />
          </label>
          <button type="submit" className="rounded-md px-4 py-2 font-medium" style={{ backgroundColor: brandColour, color: readableTextColour(brandColour) }}>
            {t("afterSales.submit")}
          </button>
        </form>
      )}

      {requests.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">{t("afterSales.requests")}</h3>
          <ul className="space-y-3" data-testid="after-sales-requests">
            {requests.map((r) => (
              <li key={r.number} className="border-l-2 pl-3" style={{ borderColor: r.groupKind === "not_completed" ? "#b91c1c" : brandColour }}>
                <p className="font-medium">{t("afterSales.request", { kind: t(`afterSales.kinds.${r.kind}`), number: r.number })}</p>
                <p className="text-sm" data-testid="after-sales-status">
                  {r.label ?? "—"}
                </p>
                <p className="text-xs text-slate-600">
                  {t("afterSales.requestedOn", { date: date(r.createdAt) })} · {r.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
