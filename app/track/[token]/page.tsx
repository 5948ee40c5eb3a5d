import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/orders/pagination";
import { ProgressStages } from "@/components/tracking/progress-stages";
import { ShopFrame } from "@/components/tracking/shop-frame";
import { readableTextColour } from "@/lib/format";
import { customerTranslator, formatDateIn, formatMoneyIn, isLocale, parcelTranslator } from "@/lib/i18n";
import { pageFromQuery } from "@/lib/orders/page-bounds";
import { loadTrackingPage } from "./tracking-data";
import { courierName } from "@/lib/courier-name";
import { AfterSales } from "@/components/tracking/after-sales";
import { getDb } from "@/db";
import { getAfterSalesForTracking } from "@/db/queries/after-sales";

// In the page's language, which lib/i18n/request.ts decides as the page does (?lang=, the order's, the shop's).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("track");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function TrackingPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) notFound();
  const found = await loadTrackingPage(token, isLocale(query.lang) ? query.lang : undefined, pageFromQuery(query.history));
  if (!found) notFound();
  const { view, locale, shop, documents } = found;
  // Not cached with the view: a return's progress does not change its sale.
  const afterSales = await getAfterSalesForTracking({ db: await getDb(), token, locale });
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);
  const t = customerTranslator(locale);
  const tParcels = parcelTranslator(locale);
  const money = (minor: number) => formatMoneyIn(locale, minor, view.currency);

  return (
    <ShopFrame
      shopName={shop.shopName}
      logoDataUrl={shop.logoDataUrl}
      brandColour={shop.brandColour}
      locale={locale}
      languageLabel={t("language")}
      switchHref={(l) => `/track/${token}?lang=${l}`}
      footer={shop.supportEmail ? t("contact", { email: shop.supportEmail }) : undefined}
    >
      <section className="space-y-4 rounded-xl bg-white p-5 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">{t("order", { number: view.number })}</h1>
          <p className="text-sm text-slate-600">{t("placedOn", { date: formatDateIn(locale, new Date(view.placedAt), false) })}</p>
        </div>
        {view.firstName && <p>{t("greeting", { name: view.firstName })}</p>}
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("currentStatus")}</p>
          <p className="text-2xl font-bold" style={{ color: shop.brandColour }}>
            {view.statusLabel ?? "—"}
          </p>
        </div>
        <ProgressStages
          stage={view.stage}
          label={t("progress")}
          colour={shop.brandColour}
          labels={{
            placed: t("stages.placed"),
            in_progress: t("stages.in_progress"),
            completed: t("stages.completed"),
            not_completed: t("stages.not_completed"),
          }}
        />
      </section>

      {view.payment && !view.payment.paid && (
        <section className="space-y-2 rounded-xl border-2 border-amber-300 bg-amber-50 p-5">
          <h2 className="font-semibold">{t("payment")}</h2>
          <p>
            {t("amountDue")}: <strong>{money(view.payment.amountDue)}</strong>
          </p>
          {view.payment.bankAccount && (
            <p className="text-sm">
              {t("transferTo")}: <span className="font-mono font-semibold break-all">{view.payment.bankAccount}</span>
              <br />
              {t("transferTitle")}: <span className="font-mono font-semibold">{view.payment.transferTitle}</span>
            </p>
          )}
        </section>
      )}

      {view.shipment && (
        <section className="space-y-2 rounded-xl bg-white p-5 shadow-sm">
          <h2 className="font-semibold">{t("shipment")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {view.shipment.courier && (
              <>
                <dt className="text-slate-600">{t("courier")}</dt>
                <dd>{courierName(view.shipment.courier)}</dd>
              </>
            )}
            <dt className="text-slate-600">{t("trackingNumber")}</dt>
            <dd className="font-mono break-all">{view.shipment.trackingNumber}</dd>
          </dl>
          {view.shipment.link && (
            <a href={view.shipment.link} rel="noopener noreferrer" className="inline-block rounded-md px-4 py-2 font-medium" style={{ backgroundColor: shop.brandColour, color: readableTextColour(shop.brandColour) }}>
              {t("trackParcel")}
            </a>
          )}
        </section>
      )}

      <section id="timeline" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-semibold">{t("timeline")}</h2>
        <ol className="space-y-3" aria-label={t("timeline")}>
          {view.timeline.map((entry, i) => (
            <li key={i} className="border-l-2 border-slate-200 pl-3">
              {entry.parcel && (
                <p className="font-medium">{tParcels("byCarrier", { event: tParcels(`events.${entry.parcel.event}`), carrier: courierName(entry.parcel.carrier) })}</p>
              )}
              {entry.label && <p className="font-medium">{entry.label}</p>}
              {entry.comment && <p className="text-sm whitespace-pre-wrap text-slate-700">{entry.comment}</p>}
              <p className="text-xs text-slate-600">{formatDateIn(locale, new Date(entry.at))}</p>
            </li>
          ))}
        </ol>
        {view.timelinePage.pageCount > 1 && (
          <div className="mt-4">
            <Pagination
              page={view.timelinePage.page}
              pageCount={view.timelinePage.pageCount}
              hrefFor={(page) => `/track/${token}?${new URLSearchParams({ ...(isLocale(query.lang) ? { lang: query.lang } : {}), ...(page > 1 ? { history: String(page) } : {}) })}#timeline`}
              labels={{ nav: t("timelinePages"), previous: t("newer"), next: t("older"), pageOf: (page, count) => t("pageOf", { page: String(page), count: String(count) }) }}
            />
          </div>
        )}
      </section>

      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-semibold">{t("items")}</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {view.items.map((item, i) => (
            <li key={i} className="flex justify-between gap-4 py-1.5">
              <span>
                {item.quantity} × {item.name}
              </span>
              <span className="tabular-nums">{money(item.amount)}</span>
            </li>
          ))}
        </ul>
        {view.moreItems > 0 && (
          <p className="py-1.5 text-sm text-slate-600" data-testid="more-items">
            {t("moreItems", { count: view.moreItems })}
          </p>
        )}
        <p className="mt-2 flex justify-between border-t border-slate-200 pt-2 font-semibold">
          <span>{t("total")}</span>
          <span className="tabular-nums">{money(view.total)}</span>
        </p>
        {view.payment?.paid && <p className="mt-1 text-sm text-green-800">{t("paid")}</p>}
      </section>

      {afterSales && (
        <AfterSales
          token={token}
          locale={locale}
          brandColour={shop.brandColour}
          afterSales={afterSales}
          outcome={{ sent: one(query.returnSent) === "1", error: one(query.returnError) }}
        />
      )}

      {documents.length > 0 && (
        <section className="rounded-xl bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">{t("documents")}</h2>
          <ul className="space-y-2 text-sm">
            {documents.map((doc) => {
              const name = `${t(`documentKinds.${doc.kind}`)} ${doc.number}`;
              return (
                <li key={doc.id}>
                  <a href={`/track/${token}/documents/${doc.id}`} download className="font-medium underline" style={{ color: shop.brandColour }} aria-label={t("downloadPdf", { name })}>
                    {name}
                  </a>{" "}
                  <span className="text-slate-600">PDF</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </ShopFrame>
  );
}
