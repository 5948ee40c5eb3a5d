import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isUnreachableAppAddress } from "@/lib/app-address";

/**
 * Shown on every admin page while the shop's app address is one customers cannot open
 * (localhost and the like): every tracking link and emailed link starts with it. In development
 * the demo runs on localhost, so the warning is true there too, but it takes a single line.
 */
export async function AppAddressWarning({ address, compact }: { address: string | null | undefined; compact: boolean }) {
  if (!isUnreachableAppAddress(address)) return null;
  const t = await getTranslations("admin.appAddress");
  const shown = address?.trim() || t("notSet");
  const link = (
    <Link href="/admin/settings#appUrl" className="font-medium text-amber-950 underline underline-offset-2 hover:no-underline">
      {t("link")}
    </Link>
  );
  if (compact) {
    return (
      <p data-testid="app-address-warning" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900">
        <span aria-hidden="true">{"⚠ "}</span>
        {t("compact", { address: shown })} {link}
      </p>
    );
  }
  return (
    <div data-testid="app-address-warning" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-semibold">
        <span aria-hidden="true">{"⚠ "}</span>
        {t("title")}
      </p>
      <p className="mt-1">{t("body", { address: shown })}</p>
      <p className="mt-1">{link}</p>
    </div>
  );
}
