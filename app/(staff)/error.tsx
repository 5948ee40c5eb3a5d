"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * A failure while loading a staff page (the database unreachable, say): say so plainly and offer
 * a retry, instead of the framework's blank error screen. Business refusals never land here;
 * they come back as results and are shown where the person acted.
 */
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("orders.staffError");
  const common = useTranslations("common");
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm">{t("body")}</p>
      {error.digest && <p className="text-xs text-red-700">{t("reference", { digest: error.digest })}</p>}
      <Button onClick={reset}>{common("actions.retry")}</Button>
    </div>
  );
}
