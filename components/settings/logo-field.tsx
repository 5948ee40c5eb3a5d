"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FilePicker } from "@/components/ui/file-picker";
import { MAX_LOGO_BYTES } from "@/lib/logo-limit";
import { settingsErrorText } from "./field-errors";

/** Reads the chosen image in the browser and sends it as a data: URL (the server checks type and size). */
export function LogoField({ initial, errors }: { initial: string | null; errors?: string[] }) {
  const t = useTranslations("settings");
  const [logo, setLogo] = useState(initial ?? "");
  // A file far over the limit would make the form's post larger than a server action accepts
  // (refused as a whole, with no field to point at), so it is refused here, by the field.
  const [tooLarge, setTooLarge] = useState(false);
  const shown = tooLarge ? ["logoTooLarge"] : errors;
  return (
    <div className="space-y-1">
      <label htmlFor="logo" className="block text-sm font-medium text-slate-700">
        {t("fields.logoDataUrl")} <span className="font-normal text-slate-500">{t("hints.logo")}</span>
      </label>
      <input type="hidden" name="logoDataUrl" value={logo} />
      <div className="flex flex-wrap items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL preview */}
        {logo && <img src={logo} alt={t("logo.current")} className="h-10 max-w-40 rounded border border-slate-200 object-contain" />}
        <FilePicker
          id="logo"
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          onFile={(file) => {
            if (!file) return;
            setTooLarge(file.size > MAX_LOGO_BYTES);
            if (file.size > MAX_LOGO_BYTES) return;
            const reader = new FileReader();
            reader.onload = () => setLogo(String(reader.result));
            reader.readAsDataURL(file);
          }}
        />
        {logo && (
          <button type="button" onClick={() => setLogo("")} className="text-sm text-red-700 hover:underline">
            {t("logo.remove")}
          </button>
        )}
      </div>
      {shown && <p className="text-sm text-red-700">{shown.map((code) => settingsErrorText(t, code)).join(" ")}</p>}
    </div>
  );
}
