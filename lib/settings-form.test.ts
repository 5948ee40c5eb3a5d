import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/result";
import { settingsFormSchema, settingsInputFromForm } from "./settings-form";

describe("settingsFormSchema", () => {
  it("reads the courier links' JSON into the service's input", () => {
    const parsed = settingsFormSchema.parse({ courierTrackingLinks: '{"inpost":"https://inpost.pl/?n={trackingNumber}"}' });
    expect(settingsInputFromForm(parsed).courierTrackingLinks).toEqual({ inpost: "https://inpost.pl/?n={trackingNumber}" });
  });

  // Read as {} (as the action once did), unreadable text would save "no links" over the stored ones.
  it.each(['{"inpost":', "not json", "[]", "null", '"https://inpost.pl"'])("refuses %j on the links field instead of reading it as no links", (text) => {
    const parsed = settingsFormSchema.safeParse({ courierTrackingLinks: text });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(Object.keys(fieldErrorsOf(parsed.error.issues))).toEqual(["courierTrackingLinks"]);
  });
});

describe("settingsInputFromForm: language, time zone and SMS letters", () => {
  it("reads the staff language, the zone and the SMS checkbox", () => {
    const ticked = settingsInputFromForm(settingsFormSchema.parse({ staffLocale: "en", timeZone: "Europe/London", smsTransliterate: "on" }));
    expect(ticked).toMatchObject({ staffLocale: "en", timeZone: "Europe/London", smsTransliterate: true });
    const unticked = settingsInputFromForm(settingsFormSchema.parse({ staffLocale: "fr" }));
    expect(unticked).toMatchObject({ staffLocale: "pl", timeZone: "Europe/Warsaw", smsTransliterate: false });
  });

  it("refuses unreadable courier links by the catalogue key of its reason", () => {
    const parsed = settingsFormSchema.safeParse({ courierTrackingLinks: "not json" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error.issues)).toEqual({ courierTrackingLinks: ["courierLinksUnreadable"] });
  });
});
