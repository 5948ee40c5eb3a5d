import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { listTrackingDocuments } from "@/db/queries/documents";
import { getTrackingStamp, getTrackingView } from "@/db/queries/tracking";
import type { Locale } from "@/lib/i18n";

/** One page of the tracking page's data; dates as ISO strings, as the cache stores JSON. */
async function readView(token: string, locale: Locale | null, page: number) {
  const db = await getDb();
  const [found, documents] = await Promise.all([getTrackingView({ db, token, locale: locale ?? undefined, page }), listTrackingDocuments({ db, token })]);
  if (!found) return null;
  const { view, shop } = found;
  return {
    locale: found.locale,
    shop: { shopName: shop.shopName, logoDataUrl: shop.logoDataUrl, brandColour: shop.brandColour, supportEmail: shop.supportEmail },
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number })),
    view: { ...view, placedAt: view.placedAt.toISOString(), timeline: view.timeline.map((t) => ({ ...t, at: t.at.toISOString() })) },
  };
}

/**
 * The tracking page's data, the first page, cached per order and language and keyed by the order's last change:
 * a change shows at the next load, while repeated visits of an unchanged order skip the history
 * query. Dates travel as ISO strings because the cache stores JSON.
 */
const loadFirstPage = unstable_cache(async (token: string, locale: Locale | null, _stamp: string) => readView(token, locale, 1), ["tracking-view"], {
  revalidate: 3600,
});

/** `page`: the timeline's page, newest first (from 1). */
export async function loadTrackingPage(token: string, locale: Locale | undefined, page = 1) {
  const stamp = await getTrackingStamp({ db: await getDb(), token });
  if (!stamp) return null;
  // Only the first page is cached: older history is seldom opened, and a cache key per page
  // number typed into the URL would let anyone fill the cache.
  return page === 1 ? loadFirstPage(token, locale ?? null, stamp) : readView(token, locale ?? null, page);
}
