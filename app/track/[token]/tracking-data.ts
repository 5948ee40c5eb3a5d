import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { listTrackingDocuments } from "@/db/queries/documents";
import { getTrackingStamp, getTrackingView } from "@/db/queries/tracking";
import type { Locale } from "@/lib/i18n";

/**
 * The tracking page's data, cached per order and language and keyed by the order's last change:
 * a change shows at the next load, while repeated visits of an unchanged order skip the history
 * query. Dates travel as ISO strings because the cache stores JSON.
 */
const loadView = unstable_cache(
  async (token: string, locale: Locale | null, _stamp: string) => {
    const db = await getDb();
    const [found, documents] = await Promise.all([getTrackingView({ db, token, locale: locale ?? undefined }), listTrackingDocuments({ db, token })]);
    if (!found) return null;
    const { view, shop } = found;
    return {
      locale: found.locale,
      shop: { shopName: shop.shopName, logoDataUrl: shop.logoDataUrl, brandColour: shop.brandColour, supportEmail: shop.supportEmail },
      documents: documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number })),
      view: { ...view, placedAt: view.placedAt.toISOString(), timeline: view.timeline.map((t) => ({ ...t, at: t.at.toISOString() })) },
    };
  },
  ["tracking-view"],
  { revalidate: 3600 },
);

export async function loadTrackingPage(token: string, locale: Locale | undefined) {
  const stamp = await getTrackingStamp({ db: await getDb(), token });
  return stamp ? loadView(token, locale ?? null, stamp) : null;
}
