import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/tests/support/test-db";
import { getSettings, updateSettings, type SettingsInput } from "./settings";

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
    const result = await updateSettings(handle.db, valid);
    expect(result.ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({
      shopName: "Sklep Testowy",
      supportEmail: "pomoc@sklep.pl",
      supportPhone: null,
      appUrl: "https://sklep.example.com",
    });
  });

  it("refuses bad input field by field and changes nothing", async () => {
    await updateSettings(handle.db, valid);
    const before = await getSettings(handle.db);
    const result = await updateSettings(handle.db, {
      ...valid,
      shopName: " ",
      brandColour: "blue",
      appUrl: "javascript:alert(1)",
      courierTrackingLinks: { dpd: "https://tracktrace.dpd.com.pl/" },
      logoDataUrl: "data:text/html;base64,PHNjcmlwdD4=",
    });
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
});

describe("seller settings", () => {
  it("saves the seller with a normalised NIP, and keeps it when a caller leaves the fields out", async () => {
    const saved = await updateSettings(handle.db, { ...valid, sellerName: " Sklep Testowy sp. z o.o. ", sellerTaxId: "525-224-84-81", sellerAddress: "ul. Prosta 1\n00-001 Warszawa" });
    expect(saved.ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ sellerName: "Sklep Testowy sp. z o.o.", sellerTaxId: "5252248481", sellerAddress: "ul. Prosta 1\n00-001 Warszawa" });
    expect((await updateSettings(handle.db, valid)).ok).toBe(true);
    expect(await getSettings(handle.db)).toMatchObject({ sellerName: "Sklep Testowy sp. z o.o.", sellerTaxId: "5252248481" });
  });

  it("refuses a NIP whose check digit is wrong, on its field", async () => {
    const result = await updateSettings(handle.db, { ...valid, sellerTaxId: "5252248482" });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { sellerTaxId: [expect.stringContaining("check digit")] } } });
  });
});
