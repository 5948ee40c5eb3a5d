import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTaxId, isValidNip } from "./tax-id";

describe("seller tax IDs", () => {
  it("accepts real NIPs in the ways people write them", () => {
    expect(checkTaxId("5252248481")).toEqual({ ok: true, value: "5252248481" });
    expect(checkTaxId("525-224-84-81")).toEqual({ ok: true, value: "5252248481" });
    expect(checkTaxId("pl 525 22 48 481")).toEqual({ ok: true, value: "PL5252248481" });
    expect(checkTaxId("DE123456789")).toEqual({ ok: true, value: "DE123456789" });
  });

  it("refuses a wrong check digit, a wrong length and gibberish with a reason", () => {
    expect(checkTaxId("5252248482")).toMatchObject({ ok: false, message: expect.stringContaining("check digit") });
    expect(checkTaxId("525224848")).toMatchObject({ ok: false, message: "A Polish NIP has 10 digits" });
    expect(checkTaxId("not a tax id!")).toMatchObject({ ok: false });
  });

  it("catches every single-digit typo in a valid NIP", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = "5252248481".split("").map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        return !isValidNip(digits.join(""));
      }),
    );
  });
});
