import { Body, Button, Container, Head, Heading, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";

/** What the status email shows; every text arrives already filled with the order's values. */
export type StatusUpdateEmailProps = {
  locale: "pl" | "en";
  shopName: string;
  brandColour: string;
  logoUrl?: string;
  subject: string;
  /** The admin's template, rendered: paragraphs separated by blank lines. */
  body: string;
  orderNumber: string;
  items: string;
  total: string;
  trackingPageUrl: string;
  footer: string;
  /**
   * An admin alert's own words (lib/i18n/catalogue/alerts.ts) and the staff page of the order its
   * button opens; a customer's email has neither and keeps its own words and tracking link.
   */
  alert?: { openOrder: string; summary: string; order: string; total: string; why: string; orderUrl: string };
};

const CHROME = {
  pl: { order: "Zamówienie", summary: "Podsumowanie", total: "Razem", track: "Sprawdź status zamówienia" },
  en: { order: "Order", summary: "Summary", total: "Total", track: "Track your order" },
} as const;

// React escapes every text node, so a customer named "<script>" stays text: no HTML is built by hand.
export default function StatusUpdateEmail({
  locale = "pl",
  shopName = "Sklep Demo",
  brandColour = "#1d4ed8",
  logoUrl,
  subject = "Zamówienie ORD-10482: Wysłane",
  body = "Dzień dobry Anna,\n\nTwoje zamówienie ORD-10482 zostało wysłane.\nNumer przesyłki: 620012345678901234567890\n\nDziękujemy za zakupy!",
  orderNumber = "ORD-10482",
  items = "2 × Kubek ceramiczny\n1 × Koszulka bawełniana, rozmiar M",
  total = "249,90 zł",
  trackingPageUrl = "https://sklep.example.com/track/8kY2pQ",
  footer = "Sklep Demo · pomoc@sklep.example.com · +48 22 100 20 30",
  alert,
}: StatusUpdateEmailProps) {
  const t = alert ? { ...alert, track: alert.openOrder } : (CHROME[locale] ?? CHROME.pl);
  const buttonUrl = alert ? alert.orderUrl : trackingPageUrl;
  const paragraphs = body.split(/\n{2,}/).filter((p) => p.trim() !== "");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{subject}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, overflow: "hidden" }}>
          <Section style={{ backgroundColor: brandColour, padding: "20px 24px" }}>
            {logoUrl ? (
              <Img src={logoUrl} alt={shopName} height={32} />
            ) : (
              <Text style={{ color: "#ffffff", fontSize: 20, fontWeight: 700, margin: 0 }}>{shopName}</Text>
            )}
          </Section>
          <Section style={{ padding: "8px 24px" }}>
            <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
              {subject}
            </Heading>
            {paragraphs.map((paragraph, i) => (
              <Text key={i} style={{ fontSize: 15, lineHeight: "24px", color: "#334155", whiteSpace: "pre-line" }}>
                {paragraph}
              </Text>
            ))}
            <Button
              href={buttonUrl}
              style={{ backgroundColor: brandColour, color: "#ffffff", borderRadius: 6, padding: "12px 18px", fontWeight: 600 }}
            >
              {t.track}
            </Button>
          </Section>
          <Section style={{ padding: "8px 24px 16px" }}>
            <Hr />
            <Text style={{ fontSize: 13, color: "#64748b", margin: "8px 0" }}>
              {t.summary} · {t.order} {orderNumber}
            </Text>
            <Text style={{ fontSize: 14, color: "#334155", whiteSpace: "pre-line", margin: "4px 0" }}>{items}</Text>
            <Text style={{ fontSize: 14, color: "#0f172a", fontWeight: 700, margin: "4px 0" }}>
              {t.total}: {total}
            </Text>
          </Section>
          <Section style={{ backgroundColor: "#f8fafc", padding: "12px 24px" }}>
            {alert && <Text style={{ fontSize: 12, color: "#64748b", margin: "0 0 4px" }}>{alert.why}</Text>}
            <Text style={{ fontSize: 12, color: "#94a3b8", margin: 0 }}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
