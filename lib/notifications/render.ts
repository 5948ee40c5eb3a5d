import { createTranslator } from "next-intl";
import { createElement } from "react";
import { messages } from "@/lib/i18n/messages";
import StatusUpdateEmail, { type StatusUpdateEmailProps } from "@/emails/status-update";
import type { Settings } from "@/db/schema";
import type { MessageTemplateText } from "./default-templates";
import { renderEmailHtml } from "./email-html";
import { renderTemplate, renderTemplateLines } from "./template";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Collapses the blank lines left by empty variables (e.g. no comment) so the text reads cleanly. */
function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** An email's subject line, as the email carries it (also shown before a change is made). */
export function renderSubject(template: MessageTemplateText, variables: Readonly<Record<string, string>>): string {
  return tidy(renderTemplate(template.subject, variables)).replace(/\s+/g, " ");
}

/**
 * An email from a template and a variables snapshot, through the branded React Email layout.
 * Values are inserted as plain text and React escapes them, so nothing a customer typed can
 * become markup.
 */
export async function renderEmail(input: {
  template: MessageTemplateText;
  variables: Readonly<Record<string, string>>;
  settings: Pick<Settings, "shopName" | "brandColour" | "supportEmail" | "supportPhone"> & Partial<Pick<Settings, "appUrl">>;
  locale: string;
  /** An admin alert is framed for the shop's people: a link to the order in Orderly, not the tracking page. */
  audience?: "customer" | "admin";
}): Promise<RenderedEmail> {
  const { template, variables, settings } = input;
  const locale = input.locale === "en" ? ("en" as const) : ("pl" as const);
  const subject = renderSubject(template, variables);
  const body = tidy(renderTemplateLines(template.body, variables));
  const props = {
    locale,
    shopName: settings.shopName,
    brandColour: settings.brandColour,
    subject,
    body,
    orderNumber: variables.orderNumber ?? "",
    items: variables.items ?? "",
    total: variables.total ?? "",
    trackingPageUrl: variables.trackingPageUrl ?? "",
    footer: [settings.shopName, settings.supportEmail, settings.supportPhone].filter(Boolean).join(" · "),
    alert: input.audience === "admin" ? alertChrome(locale, settings.shopName, orderPageUrl(settings.appUrl, variables.orderNumber)) : undefined,
  };
  const html = await renderEmailHtml(createElement(StatusUpdateEmail, props));
  return { subject, html, text: plainTextOf(props) };
}

/** The admin alert's own words, from the catalogue in the shop's staff language. */
function alertChrome(locale: "pl" | "en", shop: string, orderUrl: string): NonNullable<StatusUpdateEmailProps["alert"]> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "alerts" });
  return { openOrder: t("openOrder"), summary: t("summary"), order: t("order"), total: t("total"), why: t("why", { shop }), orderUrl };
}

function orderPageUrl(appUrl: string | undefined, orderNumber: string | undefined): string {
  const base = (appUrl ?? "").replace(/\/+$/, "");
  return orderNumber ? `${base}/orders/${encodeURIComponent(orderNumber)}` : `${base}/orders`;
}

/**
 * The plain-text part, written from the same props rather than by rendering the layout a second
 * time and stripping it: half the rendering work, and text that reads as text.
 */
function plainTextOf(props: StatusUpdateEmailProps): string {
  const chrome = props.alert
    ? { order: props.alert.order, total: props.alert.total, track: props.alert.openOrder }
    : props.locale === "en"
      ? { order: "Order", total: "Total", track: "Track your order" }
      : { order: "Zamówienie", total: "Razem", track: "Sprawdź status zamówienia" };
  const link = props.alert ? props.alert.orderUrl : props.trackingPageUrl;
  return [
    props.body,
    link ? `${chrome.track}: ${link}` : "",
    [`${chrome.order} ${props.orderNumber}`, props.items, props.total ? `${chrome.total}: ${props.total}` : ""].filter(Boolean).join("\n"),
    props.alert?.why ?? "",
    props.footer,
  ]
    .filter(Boolean)
    .join("\n\n");
}

export function renderSms(template: MessageTemplateText, variables: Readonly<Record<string, string>>): string {
  return tidy(renderTemplateLines(template.body, variables)).replace(/\n{2,}/g, "\n");
}
