import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, statuses } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { sampleVariables } from "./catalogue";
import { renderEmail, renderSms, type RenderedEmail } from "./render";
import { measureSms, smsCost, type SmsMeasure } from "./sms";
import { checkTemplate } from "./template";
import { transliteratesSms, withoutPolishLetters } from "./transliterate";
import { customerLabelFor, snapshotVariables } from "./variables";

export type TemplatePreview =
  | { channel: "email"; email: RenderedEmail; source: string }
  | { channel: "sms"; text: string; measure: SmsMeasure; cost: { domestic: number; foreign: number }; source: string };

/**
 * Renders an unsaved template the way the worker would: with a real order's values when a
 * number is given, otherwise with the catalogue's samples.
 */
export async function previewTemplate(
  db: DbOrTx,
  input: {
    statusId: number;
    channel: "email" | "sms";
    locale: string;
    subject: string;
    body: string;
    orderNumber?: string;
    /** The template's choice of Polish letters in an SMS (null: the shop's setting). */
    smsTransliterate?: boolean | null;
  },
): Promise<Result<TemplatePreview>> {
  const problems = [...checkTemplate(input.subject), ...checkTemplate(input.body)];
  if (problems.length) return refuse("validation_failed", problems.map((p) => p.message).join(" "));
  const settings = await getSettings(db);
  const [status] = await db.select().from(statuses).where(eq(statuses.id, input.statusId));
  if (!status) return refuse("not_found", `Status ${input.statusId} does not exist.`);
  // Samples, but with this status's own label and the shop's own name.
  let variables: Record<string, string> = {
    ...sampleVariables(),
    statusLabel: customerLabelFor(status, input.locale),
    shopName: settings.shopName,
  };
  let source = "sample values";
  if (input.orderNumber) {
    const [order] = await db.select().from(orders).where(eq(orders.number, input.orderNumber.trim()));
    if (!order) return refuse("not_found", `Order ${input.orderNumber} does not exist.`);
    variables = snapshotVariables({ order, status, settings });
    source = `order ${order.number}`;
  }
  const template = { subject: input.subject, body: input.body };
  if (input.channel === "sms") {
    const rendered = renderSms(template, variables);
    const text = transliteratesSms({ smsTransliterate: input.smsTransliterate }, settings) ? withoutPolishLetters(rendered) : rendered;
    const measure = measureSms(text);
    return {
      ok: true,
      value: {
        channel: "sms",
        text,
        measure,
        cost: { domestic: smsCost(measure, settings.smsPriceDomestic), foreign: smsCost(measure, settings.smsPriceForeign) },
        source,
      },
    };
  }
  const email = await renderEmail({ template, variables, settings, locale: input.locale });
  return { ok: true, value: { channel: "email", email, source } };
}
