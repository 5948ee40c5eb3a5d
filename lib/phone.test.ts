import { describe, expect, it } from "vitest";
import { normalisePhone, phoneSchema } from "./phone";

describe("phone numbers", () => {
  it.each([
    ["+48 600 100 200", "+48600100200"],
    ["600-100-200", "600100200"],
    ["600100200", "600100200"],
    ["(22) 100 20 30 ", "221002030"],
    ["+44 (20) 7946-0958", "+442079460958"],
    ["0048600100200", "0048600100200"],
    ["+123456789012345", "+123456789012345"],
  ])("%s is %s", (raw, normalised) => expect(normalisePhone(raw)).toBe(normalised));

  it.each([
    "<script>alert(1)</script>",
    "+48 600 100 200<b>",
    "600 100 20",
    "+1234567890123456",
    "48+600100200",
    "++48600100200",
    "600.100.200",
    "tel:+48600100200",
    "call me",
    "",
  ])("%s is not a number", (raw) => expect(normalisePhone(raw)).toBeNull());

  it("normalises, or keeps the typed form when asked, and refuses markup", () => {
    expect(phoneSchema().parse(" +48 600-100-200 ")).toBe("+48600100200");
    expect(phoneSchema({ keepFormat: true }).parse(" +48 22 100 20 30 ")).toBe("+48 22 100 20 30");
    expect(phoneSchema().safeParse("<script>alert(1)</script>").success).toBe(false);
    expect(phoneSchema().safeParse("9".repeat(10_000)).success).toBe(false);
  });
});
