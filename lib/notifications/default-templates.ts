import type { DocumentKind } from "@/db/schema";

/**
 * What a status says when the admin has written no template of their own yet: short, correct,
 * in the order's language. Uses only catalogue variables.
 */
export type MessageTemplateText = {
  subject: string;
  body: string;
  /** SMS only: send without Polish letters (true), with them (false), or as the shop's setting says (null or absent). */
  smsTransliterate?: boolean | null;
};

type Locale = "pl" | "en";

const CUSTOMER_EMAIL: Record<Locale, MessageTemplateText> = {
  pl: {
    subject: "Zamówienie {{orderNumber}}: {{statusLabel}}",
    body: "Dzień dobry {{customerFirstName}},\n\nstatus Twojego zamówienia {{orderNumber}} to teraz: {{statusLabel}}.\n\n{{comment}}\n\nPozdrawiamy,\n{{shopName}}",
  },
  en: {
    subject: "Order {{orderNumber}}: {{statusLabel}}",
    body: "Hello {{customerFirstName}},\n\nyour order {{orderNumber}} is now: {{statusLabel}}.\n\n{{comment}}\n\nBest regards,\n{{shopName}}",
  },
};

const CUSTOMER_SMS: Record<Locale, MessageTemplateText> = {
  pl: { subject: "", body: "{{shopName}}: zamowienie {{orderNumber}} - {{statusLabel}}. {{trackingPageUrl}}" },
  en: { subject: "", body: "{{shopName}}: order {{orderNumber}} - {{statusLabel}}. {{trackingPageUrl}}" },
};

/** To the shop's people, in the shop's staff language (the worker picks it). */
const ADMIN_EMAIL: Record<Locale, MessageTemplateText> = {
  pl: {
    subject: "[{{shopName}}] {{orderNumber}}: {{statusLabel}}",
    body: "Zamówienie {{orderNumber}} ({{total}}) ma teraz status: {{statusLabel}}.\n\n{{comment}}",
  },
  en: {
    subject: "[{{shopName}}] {{orderNumber}}: {{statusLabel}}",
    body: "Order {{orderNumber}} ({{total}}) is now {{statusLabel}}.\n\n{{comment}}",
  },
};

export function defaultTemplate(channel: "email" | "sms", audience: "customer" | "admin", locale: string): MessageTemplateText {
  const lang: Locale = locale === "en" ? "en" : "pl";
  if (audience === "admin") return ADMIN_EMAIL[lang];
  return channel === "sms" ? CUSTOMER_SMS[lang] : CUSTOMER_EMAIL[lang];
}

const DOCUMENT_NAMES: Record<Locale, Record<DocumentKind, string>> = {
  pl: { invoice: "Faktura", proforma: "Faktura pro forma", correction: "Faktura korygująca" },
  en: { invoice: "Invoice", proforma: "Pro-forma invoice", correction: "Correction invoice" },
};

/**
 * The email that carries a pro-forma or invoice. Built in rather than per status: the document
 * is the message. The number is written in literally; it is ours, never a customer's text.
 */
export function documentEmailTemplate(document: { kind: DocumentKind; number: string }, locale: string): MessageTemplateText {
  const lang: Locale = locale === "en" ? "en" : "pl";
  const name = `${DOCUMENT_NAMES[lang][document.kind]} ${document.number}`;
  return lang === "en"
    ? {
        subject: `${name} for order {{orderNumber}}`,
        body: `Hello {{customerFirstName}},\n\nplease find attached ${name} for your order {{orderNumber}}.\n\nBest regards,\n{{shopName}}`,
      }
    : {
        subject: `${name} do zamówienia {{orderNumber}}`,
        body: `Dzień dobry {{customerFirstName}},\n\nw załączniku przesyłamy dokument ${name} do zamówienia {{orderNumber}}.\n\nPozdrawiamy,\n{{shopName}}`,
      };
}

/**
 * The email that carries a note written on the order page (lib/orders/notes.ts). Built in, like a
 * document's: the note is the message, so it needs no status's words around it.
 */
export function noteEmailTemplate(locale: string): MessageTemplateText {
  return locale === "en"
    ? {
        subject: "A message about your order {{orderNumber}}",
        body: "Hello {{customerFirstName}},\n\n{{comment}}\n\nBest regards,\n{{shopName}}",
      }
    : {
        subject: "Wiadomość w sprawie zamówienia {{orderNumber}}",
        body: "Dzień dobry {{customerFirstName}},\n\n{{comment}}\n\nPozdrawiamy,\n{{shopName}}",
      };
}
