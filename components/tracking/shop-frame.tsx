import Link from "next/link";
import type { ReactNode } from "react";
import { readableTextColour } from "@/lib/format";
import type { Locale } from "@/lib/i18n";

/** The shop's face around customer pages: its name and colour, a language switch, contact. */
export function ShopFrame({
  shopName,
  logoDataUrl,
  brandColour,
  locale,
  languageLabel,
  switchHref,
  footer,
  children,
}: {
  shopName: string;
  logoDataUrl?: string | null;
  brandColour: string;
  locale: Locale;
  languageLabel: string;
  switchHref: (locale: Locale) => string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const text = readableTextColour(brandColour);
  return (
    <div lang={locale} className="min-h-screen bg-slate-100">
      <header style={{ backgroundColor: brandColour, color: text }}>
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-4 px-4 py-4">
          {logoDataUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- the logo is a data: URL from settings
            <img src={logoDataUrl} alt={shopName} className="h-9 max-w-48 object-contain" />
          ) : (
            <p className="text-lg font-bold">{shopName}</p>
          )}
          <nav aria-label={languageLabel} className="flex gap-1 text-sm">
            {(["pl", "en"] as const).map((l) => (
              <Link
                key={l}
                href={switchHref(l)}
                lang={l}
                aria-current={l === locale ? "true" : undefined}
                className="rounded px-2 py-1 font-medium underline-offset-2 hover:underline aria-[current]:bg-black/15"
                style={{ color: text }}
              >
                {l === "pl" ? "Polski" : "English"}
              </Link>
            ))}
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-2xl space-y-4 px-4 py-6">{children}</main>
      {footer && <footer className="mx-auto max-w-2xl px-4 pb-8 text-center text-sm text-slate-600">{footer}</footer>}
    </div>
  );
}
