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
