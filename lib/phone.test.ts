import { describe, expect, it } from "vitest";
import { normalisePhone, phoneDigitsToSearch, phoneSchema } from "./phone";

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

describe("phone digits to search for", () => {
  it.each([
    ["600 100 200", "600100200"],
    ["600-100-200", "600100200"],
    ["(600) 100-200", "600100200"],
    ["+48 600 100 200", "600100200"],
    ["+48600100200", "600100200"],
    ["0048 600 100 200", "600100200"],
    ["48 600 100 200", "600100200"],
    ["+48 600", "600"],
    ["100 200", "100200"],
    ["10042", "10042"],
    // 48 starting a shorter run of digits is part of the number (Radom's area code), not Poland.
    ["48 123 45", "4812345"],
    ["+44 20 7946 0958", "442079460958"],
  ])("%s looks for %s", (typed, digits) => expect(phoneDigitsToSearch(typed)).toBe(digits));

  it.each(["anna", "ORD-10042", "600.100.200", "+", " - ", "", "60", "+48", "+48 60"])("%s is no phone search", (typed) =>
    expect(phoneDigitsToSearch(typed)).toBeNull(),
  );
});
