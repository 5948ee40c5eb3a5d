import { describe, expect, it } from "vitest";
import { parseUserCreateArgs } from "./cli";

describe("parseUserCreateArgs", () => {
  it("reads --email (lower-cased), --name and --role", () => {
    expect(parseUserCreateArgs(["--email", " Anna@Shop.PL ", "--name", " Anna Nowak ", "--role", "admin"])).toEqual({
      ok: true,
      value: { email: "anna@shop.pl", name: "Anna Nowak", role: "admin" },
    });
    expect(parseUserCreateArgs(["--email=a@b.pl", "--name=A", "--role=Magazyn"])).toMatchObject({ ok: true, value: { role: "Magazyn" } });
  });

  it("refuses a password on the command line, in any spelling, before anything else", () => {
    for (const argv of [["--email", "a@b.pl", "--name", "A", "--role", "admin", "--password", "secret"], ["--password=secret"]]) {
      const parsed = parseUserCreateArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors).toEqual([expect.stringContaining("--password is not accepted")]);
    }
  });

  it("names every missing or wrong argument", () => {
    const none = parseUserCreateArgs([]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors).toEqual([expect.stringContaining("--email is required"), expect.stringContaining("--name is required"), expect.stringContaining("--role is required")]);
    expect(parseUserCreateArgs(["--email", "not-an-address", "--name", "A", "--role", "admin"])).toEqual({ ok: false, errors: [expect.stringContaining('not "not-an-address"')] });
    expect(parseUserCreateArgs(["--email", "a@b.pl", "--name", "A", "--role", "admin", "--colour", "red"]).ok).toBe(false);
  });
});
