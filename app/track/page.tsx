import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ShopFrame } from "@/components/tracking/shop-frame";
import { getDb } from "@/db";
import { readableTextColour } from "@/lib/format";
import { customerTranslator, resolveLocale } from "@/lib/i18n";
import { getSettings } from "@/lib/settings";

// In the page's language, which lib/i18n/request.ts decides as the page does (?lang=, the order's, the shop's).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("track");
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function TrackLookupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await connection();
  const query = await searchParams;
  const shop = await getSettings(await getDb());
  const locale = resolveLocale(query.lang, shop.defaultLocale);
  const t = customerTranslator(locale);
  const field = "block w-full rounded-md border border-slate-400 px-3 py-2 text-base";

  return (
    <ShopFrame
      shopName={shop.shopName}
      logoDataUrl={shop.logoDataUrl}
      brandColour={shop.brandColour}
      locale={locale}
      languageLabel={t("language")}
      switchHref={(l) => `/track?lang=${l}`}
      footer={shop.supportEmail ? t("contact", { email: shop.supportEmail }) : undefined}
    >
      <section className="space-y-4 rounded-xl bg-white p-5 shadow-sm">
        <h1 className="text-xl font-semibold">{t("lookupTitle")}</h1>
        <p className="text-slate-700">{t("lookupIntro")}</p>
        {query.error === "miss" && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
            {t("miss")}
          </p>
        )}
        <form method="post" action={`/track/lookup?lang=${locale}`} className="space-y-3">
          <input type="hidden" name="lang" value={locale} />
          <div>
            <label htmlFor="number" className="mb-1 block text-sm font-medium">
              {t("number")}
            </label>
            <input id="number" name="number" required maxLength={64} autoComplete="off" className={field} />
          </div>
          <div>
            <label htmlFor="email" className="mb-1 block text-sm font-medium">
              {t("email")}
            </label>
            <input id="email" name="email" type="email" required autoComplete="email" className={field} />
          </div>
          <button type="submit" className="w-full rounded-md px-4 py-2.5 font-semibold" style={{ backgroundColor: shop.brandColour, color: readableTextColour(shop.brandColour) }}>
            {t("lookup")}
          </button>
        </form>
      </section>
    </ShopFrame>
  );
}
