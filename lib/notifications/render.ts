import { render } from "@react-email/render";
import { createElement } from "react";
import StatusUpdateEmail from "@/emails/status-update";
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
  const element = createElement(StatusUpdateEmail, {
    locale: input.locale === "en" ? "en" : "pl",
    shopName: settings.shopName,
    brandColour: settings.brandColour,
    subject,
    body,
    orderNumber: variables.orderNumber ?? "",
    items: variables.items ?? "",
    total: variables.total ?? "",
    trackingPageUrl: variables.trackingPageUrl ?? "",
    footer: [settings.shopName, settings.supportEmail, settings.supportPhone].filter(Boolean).join(" · "),
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

export function renderSms(template: MessageTemplateText, variables: Readonly<Record<string, string>>): string {
  return tidy(renderTemplate(template.body, variables)).replace(/\n{2,}/g, "\n");
}
