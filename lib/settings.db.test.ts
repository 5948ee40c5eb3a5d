import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/tests/support/test-db";
import { getSettings, updateSettings, type SettingsInput } from "./settings";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

const valid: SettingsInput = {
  shopName: "Sklep Testowy",
  defaultLocale: "pl",
  brandColour: "#0f766e",
  supportEmail: "Pomoc@Sklep.pl",
  supportPhone: "",
  senderEmail: "",
  bankAccount: "PL61 1090 1014 0000 0712 1981 2874",
  appUrl: "https://sklep.example.com/",
  smsPriceDomestic: 16,
  smsPriceForeign: 40,
  courierTrackingLinks: { inpost: "https://inpost.pl/sledzenie-przesylek?number={trackingNumber}" },
  logoDataUrl: null,
};

describe("updateSettings", () => {
  it("saves normalised values", async () => {
    const result = await updateSettings(handle.db, valid, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({
      shopName: "Sklep Testowy",
      supportEmail: "pomoc@sklep.pl",
      supportPhone: null,
      appUrl: "https://sklep.example.com",
    });
  });

  it("saves the undo hold and the duplicate window within their ranges, and refuses them outside", async () => {
    expect((await updateSettings(handle.db, { ...valid, messageHoldSeconds: 0, duplicateWindowHours: 48 }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ messageHoldSeconds: 0, duplicateWindowHours: 48 });
    const refused = await updateSettings(handle.db, { ...valid, messageHoldSeconds: 601, duplicateWindowHours: -1 }, SYSTEM_AUDIT_ACTOR);
    expect(!refused.ok && refused.error.fieldErrors).toEqual({ messageHoldSeconds: ["messageHold"], duplicateWindowHours: ["duplicateWindow"] });
    expect(await getSettings(handle.db)).toMatchObject({ messageHoldSeconds: 0, duplicateWindowHours: 48 });
    await updateSettings(handle.db, { ...valid, messageHoldSeconds: 30, duplicateWindowHours: 24 }, SYSTEM_AUDIT_ACTOR);
  });

  it("refuses bad input field by field and changes nothing", async () => {
    await updateSettings(handle.db, valid, SYSTEM_AUDIT_ACTOR);
    const before = await getSettings(handle.db);
    const result = await updateSettings(handle.db, {
      ...valid,
      shopName: " ",
      brandColour: "blue",
      appUrl: "javascript:alert(1)",
      courierTrackingLinks: { dpd: "https://tracktrace.dpd.com.pl/" },
      logoDataUrl: "data:text/html;base64,PHNjcmlwdD4=",
    }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual([
        "appUrl",
        "brandColour",
        "courierTrackingLinks.dpd",
        "logoDataUrl",
        "shopName",
      ]);
    }
    expect(await getSettings(handle.db)).toEqual(before);
  });

  it("takes web addresses only in links and the app address, and a phone only if it is a number", async () => {
    await updateSettings(handle.db, valid, SYSTEM_AUDIT_ACTOR);
    const before = await getSettings(handle.db);
    const result = await updateSettings(handle.db, {
      ...valid,
      appUrl: "data:text/html,<script>alert(1)</script>",
      supportPhone: "<script>alert(1)</script>",
      courierTrackingLinks: {
        inpost: "javascript:alert(document.cookie)//{trackingNumber}",
        dpd: "data:text/html;base64,PHNjcmlwdD4={trackingNumber}",
        gls: "https://gls-group.eu/track?match={trackingNumber}",
      },
    }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["appUrl", "courierTrackingLinks.dpd", "courierTrackingLinks.inpost", "supportPhone"]);
    }
    expect(await getSettings(handle.db)).toEqual(before);

    expect((await updateSettings(handle.db, { ...valid, supportPhone: " +48 22 100-20-30 " }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ supportPhone: "+48 22 100-20-30" });
  });
});

describe("seller settings", () => {
  it("saves the seller with a normalised NIP, and keeps it when a caller leaves the fields out", async () => {
    const saved = await updateSettings(handle.db, { ...valid, sellerName: " Sklep Testowy sp. z o.o. ", sellerTaxId: "525-224-84-81", sellerAddress: "ul. Prosta 1\n00-001 Warszawa" }, SYSTEM_AUDIT_ACTOR);
    expect(saved.ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ sellerName: "Sklep Testowy sp. z o.o.", sellerTaxId: "5252248481", sellerAddress: "ul. Prosta 1\n00-001 Warszawa" });
    expect((await updateSettings(handle.db, valid, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ sellerName: "Sklep Testowy sp. z o.o.", sellerTaxId: "5252248481" });
  });

  it("refuses a NIP whose check digit is wrong, on its field", async () => {
    const result = await updateSettings(handle.db, { ...valid, sellerTaxId: "5252248482" }, SYSTEM_AUDIT_ACTOR);
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { sellerTaxId: ["nipCheckDigit"] } } });
    expect(await updateSettings(handle.db, { ...valid, sellerTaxId: "52522484" }, SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { fieldErrors: { sellerTaxId: ["nipLength"] } } });
    expect(await updateSettings(handle.db, { ...valid, sellerTaxId: "??" }, SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { fieldErrors: { sellerTaxId: ["taxIdFormat"] } } });
  });
});

describe("language, time zone and SMS letters", () => {
  it("saves the staff language, an IANA time zone and the SMS transliteration", async () => {
    expect((await updateSettings(handle.db, { ...valid, staffLocale: "en", timeZone: "America/New_York", smsTransliterate: true }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ staffLocale: "en", timeZone: "America/New_York", smsTransliterate: true });
    // Left out, they keep what is stored.
    expect((await updateSettings(handle.db, valid, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ staffLocale: "en", timeZone: "America/New_York", smsTransliterate: true });
  });

  it("refuses a zone the runtime does not know and a language other than Polish or English, each by its reason", async () => {
    const result = await updateSettings(handle.db, { ...valid, staffLocale: "de" as "pl", timeZone: "Mars/Olympus" }, SYSTEM_AUDIT_ACTOR);
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { staffLocale: ["locale"], timeZone: ["timeZone"] } } });
  });

  it("words every refusal by a key of the catalogue's settings.errors", async () => {
    const result = await updateSettings(handle.db, { ...valid, shopName: " ", brandColour: "blue", appUrl: "javascript:alert(1)", supportPhone: "call me" }, SYSTEM_AUDIT_ACTOR);
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { shopName: ["shopNameRequired"], brandColour: ["brandColour"], appUrl: ["urlScheme"], supportPhone: ["phone"] } } });
  });
});
