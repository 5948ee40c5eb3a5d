"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/format";
import { sampleVariables } from "@/lib/notifications/catalogue";
import { measureSms, smsCost, type SmsMeasure } from "@/lib/notifications/sms";
import { findVariables, renderTemplate } from "@/lib/notifications/template";
import { withoutPolishLetters } from "@/lib/notifications/transliterate";

type Prices = { domestic: number; foreign: number };

/**
 * Live length of an SMS template, measured on sample values: encoding, units, parts and cost.
 * When the text has Polish letters, both figures: with them and without them (GSM-7), the one
 * the template will be sent as marked.
 */
export function SmsMeter({ text, prices, transliterate }: { text: string; prices: Prices; transliterate: boolean }) {
  const t = useTranslations("templates");
  const rendered = renderTemplate(text, sampleVariables());
  const plain = withoutPolishLetters(rendered);
  const withLetters = measureSms(rendered);
  const withoutLetters = measureSms(plain);
  const hasPolishLetters = plain !== rendered.normalize("NFC");
  const sent = transliterate ? withoutLetters : withLetters;
  const variables = findVariables(text);
  return (
    <div className="space-y-1 text-xs text-slate-600" aria-live="polite">
      {hasPolishLetters ? (
        <>
          <Figure label={t("meter.withPolish")} measure={withLetters} prices={prices} sent={!transliterate} />
          <Figure label={t("meter.withoutPolish")} measure={withoutLetters} prices={prices} sent={transliterate} />
        </>
      ) : (
        <Figure measure={withLetters} prices={prices} />
      )}
      {sent.encoding === "UCS-2" && <p className="text-amber-800">{t("meter.ucs2", { characters: sent.nonGsmCharacters.slice(0, 8).join(" ") })}</p>}
      {variables.length > 0 && <p className="text-amber-800">{t("meter.samples", { variables: variables.join(", ") })}</p>}
    </div>
  );
}

function Figure({ label, measure: m, prices, sent }: { label?: string; measure: SmsMeasure; prices: Prices; sent?: boolean }) {
  const t = useTranslations("templates");
  const locale = useLocale();
  return (
    <p>
      {label && <span className="font-medium text-slate-700">{label} </span>}
      {t.rich("meter.measure", {
        encoding: m.encoding,
        units: m.units,
        segments: m.segments,
        perSegment: String(m.perSegment),
        remaining: String(m.remaining),
        domestic: formatMoney(smsCost(m, prices.domestic), "PLN", locale),
        foreign: formatMoney(smsCost(m, prices.foreign), "PLN", locale),
        b: (chunks) => <span className="font-semibold text-slate-800">{chunks}</span>,
      })}
      {sent && <span className="ml-1 rounded bg-blue-50 px-1 font-medium text-blue-800">{t("meter.sent")}</span>}
    </p>
  );
}
