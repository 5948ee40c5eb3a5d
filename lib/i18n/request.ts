import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "@/db";
import { orders } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings";
import { isLocale, resolveLocale, staffLocale, type Locale } from "./locales";
import { messages } from "./messages";
import { TRACK_LANG_HEADER, TRACK_PATH_HEADER } from "./track-headers";


/**
 * The language and time zone of this request, for next-intl (server components, `<html lang>`):
 * on a tracking page the customer's (`?lang=`, else the order's, else the shop's), everywhere else
 * the staff member's (lib/i18n/locales.ts, `staffLocale`).
 */
export default getRequestConfig(async () => {
  const [request, db] = await Promise.all([headers(), getDb()]);
  const shop = await getSettings(db);
  const trackPath = request.get(TRACK_PATH_HEADER);
  const locale: Locale = trackPath
    ? resolveLocale(request.get(TRACK_LANG_HEADER), await orderLocaleOf(trackPath), shop.defaultLocale)
    : staffLocale({ chosen: (await getCurrentUser())?.locale, acceptLanguage: request.get("accept-language"), shop: shop.staffLocale });
  return { locale, messages: messages[locale], timeZone: shop.timeZone };
});

async function orderLocaleOf(trackPath: string): Promise<Locale | undefined> {
  const token = /^\/track\/([A-Za-z0-9_-]{16,64})(?:\/|$)/.exec(trackPath)?.[1];
  if (!token) return undefined;
  const [order] = await (await getDb()).select({ locale: orders.locale }).from(orders).where(eq(orders.trackingToken, token));
  return isLocale(order?.locale) ? order.locale : undefined;
}
