import { describe, expect, it } from "vitest";
import type { OutboxRow } from "@/db/schema";
import { isAccountEmailPayload, openSealedLink, renderAccountEmail, sealLink, sendAccountEmailRow, type AccountEmailPayload } from "./account-email";
import type { EmailMessage, EmailProvider } from "./providers/types";

const LINK = "https://sklep.example.com/password/7Qm3xZ0bK9pL2vN8sR4tY6wA1cE5gH7jF0dS3aQ9uIo";
const settings = { shopName: "Sklep Demo", brandColour: "#1d4ed8", supportEmail: "pomoc@sklep.example.com", supportPhone: null, timeZone: "Europe/Warsaw", senderEmail: null };

const payload = (over: Partial<AccountEmailPayload> = {}): AccountEmailPayload => ({
  template: { account: "invitation" },
  locale: "pl",
  name: "Anna",
  invitedBy: "Ada Admin",
  sealedLink: sealLink(LINK),
  expiresAt: "2026-06-08T10:30:00.000Z",
  ...over,
});

function capture(name: string): EmailProvider & { sent: EmailMessage[] } {
  const sent: EmailMessage[] = [];
  return { name, sent, sendEmail: async (m) => (sent.push(m), { ok: true, providerMessageId: "x" }) };
}

describe("account emails", () => {
  it("seal the link: the row holds ciphertext that opens to the link, different every time, and refuses tampering", () => {
    const sealed = sealLink(LINK);
    expect(sealed).not.toContain("password");
    expect(sealLink(LINK)).not.toBe(sealed);
    expect(openSealedLink(sealed)).toBe(LINK);
    const bytes = Buffer.from(sealed, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openSealedLink(bytes.toString("base64url"))).toThrow();
  });

  it("are told from the order emails by their payload", () => {
    expect(isAccountEmailPayload(payload())).toBe(true);
    expect(isAccountEmailPayload({ template: { statusId: 3, channel: "email" } })).toBe(false);
    expect(isAccountEmailPayload(null)).toBe(false);
  });

  it("speak the recipient's language, carry the link and when it stops working in the shop's time zone", async () => {
    const pl = await renderAccountEmail(payload(), settings);
    expect(pl.subject).toBe("Zaproszenie do Orderly: Sklep Demo");
    expect(pl.html).toContain(`href="${LINK}"`);
    expect(pl.text).toContain("Ada Admin zaprasza Cię do Orderly");
    expect(pl.text).toContain("12:30"); // 10:30 UTC in Warsaw, summer time
    const en = await renderAccountEmail(payload({ template: { account: "password_reset" }, locale: "en", invitedBy: undefined }), settings);
    expect(en.subject).toBe("Set a new password: Sklep Demo");
    expect(en.html).toContain('lang="en"');
    expect(en.text).toContain(`Set a new password: ${LINK}`);
  });

  it("keep the whole email in the dev mailbox, where it is delivered, but never the link after a real provider sent it", async () => {
    const row = { id: 1, recipient: "anna@example.com", idempotencyKey: "account:1:invitation:abc", payload: payload() } as unknown as OutboxRow;
    const mailbox = capture("mailbox");
    const kept = await sendAccountEmailRow(row, settings, mailbox);
    expect(kept.body).toContain(LINK);
    const resend = capture("resend");
    const redacted = await sendAccountEmailRow(row, settings, resend);
    expect(resend.sent[0]!.html).toContain(LINK);
    expect(resend.sent[0]).toMatchObject({ to: "anna@example.com", idempotencyKey: "account:1:invitation:abc", from: '"Sklep Demo" <pomoc@sklep.example.com>' });
    expect(redacted.ok).toBe(true);
    expect(redacted.body).not.toContain(LINK);
    expect(redacted.body).not.toContain("7Qm3xZ0bK9pL2vN8sR4tY6wA1cE5gH7jF0dS3aQ9uIo");
  });
});
