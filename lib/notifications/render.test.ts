import { describe, expect, it } from "vitest";
import { sampleVariables } from "./catalogue";
import { defaultTemplate } from "./default-templates";
import { renderEmail, renderSms } from "./render";

const settings = { shopName: "Sklep <Demo>", brandColour: "#1d4ed8", supportEmail: "pomoc@example.com", supportPhone: null };

describe("renderEmail", () => {
  it("renders the branded layout to HTML and plain text with the values filled in", async () => {
    const email = await renderEmail({ template: defaultTemplate("email", "customer", "pl"), variables: sampleVariables(), settings, locale: "pl" });
    expect(email.subject).toBe("Zamówienie ORD-10482: Wysłane");
    expect(email.html).toContain("<html");
    expect(email.html).toContain("Sprawdź status zamówienia");
    expect(email.html).toContain('href="https://sklep.example.com/track/8kY2pQ"');
    expect(email.text).toContain("Dzień dobry Anna");
    expect(email.text).not.toContain("{{");
  });

  it("shows a customer's markup as text, never as HTML", async () => {
    const variables = { ...sampleVariables(), customerFirstName: "<script>alert(1)</script>", comment: '<img src=x onerror="x()">' };
    const email = await renderEmail({ template: defaultTemplate("email", "customer", "en"), variables, settings, locale: "en" });
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("Sklep &lt;Demo&gt;");
    expect(email.text).toContain("<script>alert(1)</script>");
  });

  it("leaves no blank gap or 'undefined' where a value is missing", async () => {
    const email = await renderEmail({
      template: { subject: "Order {{orderNumber}}", body: "Hello {{customerFirstName}},\n\n{{comment}}\n\nBye" },
      variables: { orderNumber: "X-1" },
      settings,
      locale: "en",
    });
    expect(email.text).not.toContain("undefined");
    // A line whose every value is missing goes (ADR: a missing value takes its line with it).
    expect(email.text).toMatch(/^Bye\n/);
  });

  it("leaves out a labelled line whose value is missing, and keeps a line with any value", async () => {
    const email = await renderEmail({
      template: {
        subject: "Order {{orderNumber}}",
        body: "Sent.\nCourier: {{courier}}\nTracking number: {{trackingNumber}}\nLink: {{trackingLink}}\n\n{{courier}} {{trackingNumber}}\n\nBye",
      },
      variables: { orderNumber: "X-1", courier: "", trackingNumber: "620012", trackingLink: "  " },
      settings,
      locale: "en",
    });
    expect(email.text).toMatch(/^Sent\.\nTracking number: 620012\n\n 620012\n\nBye\n/);
    expect(email.text).not.toMatch(/Courier:|Link:/);
  });
});

describe("renderSms", () => {
  it("fills the SMS template on one compact text", () => {
    expect(renderSms(defaultTemplate("sms", "customer", "en"), sampleVariables())).toBe(
      "Sklep Demo: order ORD-10482 - Wysłane. https://sklep.example.com/track/8kY2pQ",
    );
  });
});

describe("renderEmail: the admin alert", () => {
  const shop = { ...settings, shopName: "Sklep Demo", appUrl: "https://orders.example.com/" };

  it("speaks the shop's staff language and opens the order in Orderly, not the customer's tracking page", async () => {
    const pl = await renderEmail({ template: defaultTemplate("email", "admin", "pl"), variables: sampleVariables(), settings: shop, locale: "pl", audience: "admin" });
    expect(pl.text).toContain("Zamówienie ORD-10482 (249,90 zł) ma teraz status: Wysłane.");
    expect(pl.html).toContain("Otwórz zamówienie w Orderly");
    expect(pl.html).toContain('href="https://orders.example.com/orders/ORD-10482"');
    expect(pl.html).not.toContain("Sprawdź status zamówienia");
    expect(pl.text).toContain("Otwórz zamówienie w Orderly: https://orders.example.com/orders/ORD-10482");

    const en = await renderEmail({ template: defaultTemplate("email", "admin", "en"), variables: sampleVariables(), settings: shop, locale: "en", audience: "admin" });
    expect(en.text).toContain("Order ORD-10482 (249,90 zł) is now Wysłane.");
    expect(en.html).toContain("Open the order in Orderly");
    expect(en.html).toContain("An alert for the Sklep Demo team");
  });
});
