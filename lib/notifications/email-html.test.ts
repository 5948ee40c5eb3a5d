import { createElement } from "react";
import { describe, expect, it } from "vitest";
import StatusUpdateEmail, { type StatusUpdateEmailProps } from "@/emails/status-update";
import { renderEmailHtml } from "./email-html";

const props: StatusUpdateEmailProps = {
  locale: "pl",
  shopName: "Sklep Demo",
  brandColour: "#1d4ed8",
  subject: "Zamówienie ORD-7: Wysłane",
  body: "Dzień dobry,\n\nwysłaliśmy zamówienie.",
  orderNumber: "ORD-7",
  items: "1 × Kubek",
  total: "19,90 zł",
  trackingPageUrl: "https://sklep.example.com/track/x",
  footer: "Sklep Demo",
};

describe("renderEmailHtml", () => {
  it("writes the whole email as one XHTML document, with no Suspense boundary left in it", async () => {
    const html = await renderEmailHtml(createElement(StatusUpdateEmail, props));
    expect(html.startsWith('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"')).toBe(true);
    expect(html.match(/<!DOCTYPE/gi)).toHaveLength(1);
    expect(html).toMatch(/<html[^>]*lang="pl"/);
    expect(html).toContain("</html>");
    // A boundary's markers mean nothing to a mail client; the layout has no part to wait for.
    expect(html).not.toMatch(/<!--\/?\$/);
    expect(html).toMatch(/ORD-7<\/p>/);
  });

  it("leaves out React's preload hint for the logo image, keeping the image", async () => {
    const logoUrl = "https://sklep.example.com/logo.png";
    const html = await renderEmailHtml(createElement(StatusUpdateEmail, { ...props, logoUrl }));
    expect(html).not.toMatch(/<link[^>]*preload/);
    expect(html).toMatch(/<img[^>]*src="https:\/\/sklep.example.com\/logo.png"/);
  });
});
