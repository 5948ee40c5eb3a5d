import { describe, expect, it } from "vitest";
import { senderAddress } from "./sender";

describe("senderAddress", () => {
  it("quotes the shop's name, so commas, quotes and angle brackets stay part of it", () => {
    expect(senderAddress(`Kowalski, Nowak "Ala" <img src=x> \\o/`, "shop@example.com")).toBe(
      `"Kowalski, Nowak \\"Ala\\" <img src=x> \\\\o/" <shop@example.com>`,
    );
  });

  it("keeps a line break in the name from starting a header of its own", () => {
    expect(senderAddress("Sklep\r\nBcc: everyone@example.com", "shop@example.com")).toBe(`"Sklep Bcc: everyone@example.com" <shop@example.com>`);
  });

  it("leaves a plain name as it is, in quotes", () => {
    expect(senderAddress("Sklep Demo", "no-reply@orderly.local")).toBe(`"Sklep Demo" <no-reply@orderly.local>`);
  });
});
