"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import type { setMyLocaleAction } from "@/app/_actions/locale";
import { LOCALES } from "@/lib/i18n/locales";

type Choice = (typeof LOCALES)[number] | "auto";

/**
 * The account menu's language choice: remembered for the person (not the browser), applied at
 * once. Only the words change; the page, its URL and its data stay as they are.
 */
export function LanguageSwitch({ chosen, setLocale }: { chosen: Choice; setLocale: typeof setMyLocaleAction }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-slate-600">
        {t("account.language")}
      </label>
      <select
        id={id}
        lang={locale}
        value={chosen}
        disabled={pending}
        aria-busy={pending}
        onChange={(event) => {
          const next = event.target.value as Choice;
          startTransition(async () => {
            await setLocale({ locale: next });
            router.refresh();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <option value="auto">{t("account.languageAuto")}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
