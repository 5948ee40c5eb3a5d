import { describe, expect, it } from "vitest";
import { sampleVariables } from "@/lib/notifications/catalogue";
import { defaultTemplate } from "@/lib/notifications/default-templates";
import { renderEmail } from "@/lib/notifications/render";
import { checkTemplate } from "@/lib/notifications/template";
import { PRESET_CUSTOMER_EMAILS } from "./preset-emails";
import { AFTER_SALES_PRESETS } from "./after-sales-presets";
import { STATUS_PRESETS } from "./presets";

const settings = { shopName: "Sklep Demo", brandColour: "#1d4ed8", supportEmail: "sklep@example.com", supportPhone: null };
const LOCALES = ["pl", "en"] as const;

/** Every customer-facing status of every preset, once per code. */
const customerFacing = [...new Map([...STATUS_PRESETS, ...AFTER_SALES_PRESETS].flatMap((p) => p.statuses.filter((s) => s.customerLabel).map((s) => [s.code, s] as const))).values()];

/** The values a message has before the parcel, the bank account or a comment exist. */
const missing = { ...sampleVariables(), courier: "", trackingNumber: "", trackingLink: "", comment: "", bankAccount: "" };

function looksFinished(text: string, template: string) {
  expect(text).not.toMatch(/\{\{|\}\}|undefined|null/);
  expect(text).not.toMatch(/\n{3,}/);
  // A label left without its value ("Numer przesyłki:") would end a line with a colon that the
  // template's own text does not end with.
  const endsWithColon = (lines: string) => lines.split("\n").filter((line) => /:\s*$/.test(line)).length;
  expect(endsWithColon(text)).toBeLessThanOrEqual(endsWithColon(template));
}

describe("the presets' customer emails", () => {
  it("cover every status a customer sees, in Polish and English, and only known variables", () => {
    expect(customerFacing.length).toBeGreaterThan(10);
    for (const status of customerFacing) {
      const email = PRESET_CUSTOMER_EMAILS[status.code];
      expect(email, status.code).toBeDefined();
      for (const locale of LOCALES) {
        expect(email![locale].subject.trim(), `${status.code} ${locale}`).not.toBe("");
        expect(email![locale].body.trim(), `${status.code} ${locale}`).not.toBe("");
        expect([...checkTemplate(email![locale].subject), ...checkTemplate(email![locale].body)], `${status.code} ${locale}`).toEqual([]);
      }
    }
  });

  it("each says something of its own: none is the generic status email, and the two languages differ", () => {
    for (const status of customerFacing) {
      for (const locale of LOCALES) {
        expect(PRESET_CUSTOMER_EMAILS[status.code]![locale].body).not.toBe(defaultTemplate("email", "customer", locale).body);
      }
      expect(PRESET_CUSTOMER_EMAILS[status.code]!.pl.body).not.toBe(PRESET_CUSTOMER_EMAILS[status.code]!.en.body);
    }
  });

  it("render with sample values, and with values missing, leaving no placeholder, gap or empty label", async () => {
    for (const status of customerFacing) {
      for (const locale of LOCALES) {
        for (const variables of [sampleVariables(), missing]) {
          const template = PRESET_CUSTOMER_EMAILS[status.code]![locale];
          const email = await renderEmail({ template, variables, settings, locale });
          looksFinished(email.subject, template.subject);
          looksFinished(email.text, template.body);
          expect(email.text).toContain(variables.orderNumber);
        }
      }
    }
  });

  it("awaiting payment gives the amount, the bank account and the order number as the transfer title", async () => {
    const v = sampleVariables();
    const pl = await renderEmail({ template: PRESET_CUSTOMER_EMAILS.awaiting_payment!.pl, variables: v, settings, locale: "pl" });
    expect(pl.text).toContain(`Kwota: ${v.amountDue}\nNumer konta: ${v.bankAccount}\nOdbiorca: ${v.shopName}\nTytuł przelewu: ${v.orderNumber}`);
    const en = await renderEmail({ template: PRESET_CUSTOMER_EMAILS.awaiting_payment!.en, variables: v, settings, locale: "en" });
    expect(en.text).toContain(`Amount: ${v.amountDue}\nAccount number: ${v.bankAccount}\nPayee: ${v.shopName}\nTransfer title: ${v.orderNumber}`);
  });

  it("shipped names the courier, the tracking number and the link, and says nothing of them before they exist", async () => {
    const v = sampleVariables();
    const pl = await renderEmail({ template: PRESET_CUSTOMER_EMAILS.shipped!.pl, variables: v, settings, locale: "pl" });
    expect(pl.text).toContain(`Przewoźnik: ${v.courier}\nNumer przesyłki: ${v.trackingNumber}\nŚledzenie przesyłki: ${v.trackingLink}`);
    const bare = await renderEmail({ template: PRESET_CUSTOMER_EMAILS.shipped!.en, variables: missing, settings, locale: "en" });
    expect(bare.text).not.toMatch(/Courier|Tracking number|Track the parcel/);
    expect(bare.text).toContain("is on its way.");
  });

  it("cancelled gives the reason when the change's comment is public, else a neutral sentence alone", async () => {
    const reason = await renderEmail({
      template: PRESET_CUSTOMER_EMAILS.cancelled!.pl,
      variables: { ...sampleVariables(), comment: "Produkt wycofany przez producenta." },
      settings,
      locale: "pl",
    });
    expect(reason.text).toContain("Powód: Produkt wycofany przez producenta.");
    const none = await renderEmail({ template: PRESET_CUSTOMER_EMAILS.cancelled!.pl, variables: missing, settings, locale: "pl" });
    expect(none.text).not.toContain("Powód");
    expect(none.text).toContain("zostało anulowane.\n\nJeśli zamówienie było już opłacone");
  });

  it("keeps a customer's markup as text", async () => {
    const variables = { ...sampleVariables(), customerFirstName: "<b>Ewa</b>", comment: '<img src=x onerror="alert(1)">' };
    for (const status of customerFacing) {
      const email = await renderEmail({ template: PRESET_CUSTOMER_EMAILS[status.code]!.pl, variables, settings, locale: "pl" });
      expect(email.html, status.code).not.toContain("<b>Ewa</b>");
      expect(email.html, status.code).toContain("&lt;b&gt;Ewa&lt;/b&gt;");
      expect(email.html, status.code).not.toContain("<img src=x");
    }
  });
});
