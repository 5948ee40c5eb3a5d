import { render } from "@react-email/render";
import { createElement } from "react";
import StatusUpdateEmail, { type StatusUpdateEmailProps } from "@/emails/status-update";
import type { Settings } from "@/db/schema";
import type { MessageTemplateText } from "./default-templates";
import { renderTemplate } from "./template";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Collapses the blank lines left by empty variables (e.g. no comment) so the text reads cleanly. */
function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * An email from a template and a variables snapshot, through the branded React Email layout.
 * Values are inserted as plain text and React escapes them, so nothing a customer typed can
 * become markup.
 */
export async function renderEmail(input: {
  template: MessageTemplateText;
  variables: Readonly<Record<string, string>>;
  settings: Pick<Settings, "shopName" | "brandColour" | "supportEmail" | "supportPhone">;
  locale: string;
}): Promise<RenderedEmail> {
  const { template, variables, settings } = input;
  const subject = tidy(renderTemplate(template.subject, variables)).replace(/\s+/g, " ");
  const body = tidy(renderTemplate(template.body, variables));
  const props = {
    locale: input.locale === "en" ? ("en" as const) : ("pl" as const),
    shopName: settings.shopName,
    brandColour: settings.brandColour,
    subject,
    body,
    orderNumber: variables.orderNumber ?? "",
    items: variables.items ?? "",
    total: variables.total ?? "",
    trackingPageUrl: variables.trackingPageUrl ?? "",
    footer: [settings.shopName, settings.supportEmail, settings.supportPhone].filter(Boolean).join(" · "),
  };
  const html = await render(createElement(StatusUpdateEmail, props));
  return { subject, html, text: plainTextOf(props) };
}

/**
 * The plain-text part, written from the same props rather than by rendering the layout a second
 * time and stripping it: half the rendering work, and text that reads as text.
 */
function plainTextOf(props: StatusUpdateEmailProps): string {
  const chrome = props.locale === "en" ? { order: "Order", total: "Total", track: "Track your order" } : { order: "Zamówienie", total: "Razem", track: "Sprawdź status zamówienia" };
  return [
    props.body,
    props.trackingPageUrl ? `${chrome.track}: ${props.trackingPageUrl}` : "",
    [`${chrome.order} ${props.orderNumber}`, props.items, props.total ? `${chrome.total}: ${props.total}` : ""].filter(Boolean).join("\n"),
    props.footer,
  ]
    .filter(Boolean)
    .join("\n\n");
}

export function renderSms(template: MessageTemplateText, variables: Readonly<Record<string, string>>): string {
  return tidy(renderTemplate(template.body, variables)).replace(/\n{2,}/g, "\n");
}
