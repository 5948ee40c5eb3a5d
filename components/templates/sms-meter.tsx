"use client";

import { sampleVariables } from "@/lib/notifications/catalogue";
import { measureSms, smsCost } from "@/lib/notifications/sms";
import { findVariables, renderTemplate } from "@/lib/notifications/template";
import { formatMoney } from "@/lib/format";

/** Live length of an SMS template: encoding, units, parts and cost, measured on sample values. */
export function SmsMeter({ text, prices }: { text: string; prices: { domestic: number; foreign: number } }) {
  const m = measureSms(renderTemplate(text, sampleVariables()));
  const variables = findVariables(text);
  return (
    <div className="space-y-1 text-xs text-slate-600" aria-live="polite">
      <p>
        <span className="font-semibold text-slate-800">{m.encoding}</span> · {m.units} characters · {m.segments}{" "}
        {m.segments === 1 ? "part" : "parts"} ({m.perSegment} per part, {m.remaining} left) · cost{" "}
        {formatMoney(smsCost(m, prices.domestic), "PLN", "pl")} in Poland, {formatMoney(smsCost(m, prices.foreign), "PLN", "pl")} abroad
      </p>
      {m.encoding === "UCS-2" && (
        <p className="text-amber-800">
          {m.nonGsmCharacters.slice(0, 8).join(" ")} switch the message to UCS-2: 70 characters per part instead of 160.
        </p>
      )}
      {variables.length > 0 && (
        <p className="text-amber-800">Measured with sample values; real values of {variables.join(", ")} make the length vary.</p>
      )}
    </div>
  );
}
