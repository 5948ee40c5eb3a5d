import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";

/**
 * An email about a person's own account: an invitation to Orderly or a link to set a new
 * password. Every text arrives already worded in the recipient's language (lib/i18n/catalogue/accounts.ts).
 */
export type AccountEmailProps = {
  locale: "pl" | "en";
  shopName: string;
  brandColour: string;
  subject: string;
  paragraphs: string[];
  buttonLabel: string;
  link: string;
  /** How long and how often the link works, and what to do if it was not asked for. */
  notes: string[];
  footer: string;
};

export default function AccountEmail({
  locale = "pl",
  shopName = "Sklep Demo",
  brandColour = "#1d4ed8",
  subject = "Zaproszenie do Orderly: Sklep Demo",
  paragraphs = ["Dzień dobry Anna,", "Ada Admin zaprasza Cię do Orderly, w którym Sklep Demo prowadzi zamówienia. Ustaw hasło, aby się zalogować."],
  buttonLabel = "Ustaw hasło",
  link = "https://sklep.example.com/password/7Qm3xZ0bK9pL2vN8sR4tY6wA1cE5gH7jF0dS3aQ9uIo",
  notes = ["Link działa raz, do 12 lis 2026, 10:30.", "Jeśli nie spodziewasz się tej wiadomości, zignoruj ją."],
  footer = "Sklep Demo · pomoc@sklep.example.com",
}: AccountEmailProps) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{subject}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, overflow: "hidden" }}>
          <Section style={{ backgroundColor: brandColour, padding: "20px 24px" }}>
            <Text style={{ color: "#ffffff", fontSize: 20, fontWeight: 700, margin: 0 }}>{shopName}</Text>
          </Section>
          <Section style={{ padding: "8px 24px 16px" }}>
            <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
              {subject}
            </Heading>
            {paragraphs.map((paragraph, i) => (
              <Text key={i} style={{ fontSize: 15, lineHeight: "24px", color: "#334155" }}>
                {paragraph}
              </Text>
            ))}
            <Button href={link} style={{ backgroundColor: brandColour, color: "#ffffff", borderRadius: 6, padding: "12px 18px", fontWeight: 600 }}>
              {buttonLabel}
            </Button>
            <Text style={{ fontSize: 13, lineHeight: "20px", color: "#64748b", wordBreak: "break-all" }}>{link}</Text>
            {notes.map((note, i) => (
              <Text key={i} style={{ fontSize: 13, lineHeight: "20px", color: "#64748b", margin: "4px 0" }}>
                {note}
              </Text>
            ))}
          </Section>
          <Section style={{ backgroundColor: "#f8fafc", padding: "12px 24px" }}>
            <Text style={{ fontSize: 12, color: "#94a3b8", margin: 0 }}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
