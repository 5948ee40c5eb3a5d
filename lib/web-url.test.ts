import { describe, expect, it } from "vitest";
import { isWebUrl, webUrlSchema } from "./web-url";

describe("a web URL", () => {
  it.each(["https://inpost.pl/sledzenie?number={trackingNumber}", "http://127.0.0.1:3100", "HTTPS://Orders.Example.com/x"])("%s is one", (url) =>
    expect(isWebUrl(url)).toBe(true),
  );

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)//{trackingNumber}",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com/x",
    "mailto:a@example.com",
    "//example.com/x",
    "/track/abc",
    "not a url",
    "",
  ])("%s is not", (url) => expect(isWebUrl(url)).toBe(false));

  it("refuses other schemes apart from text that is no address at all", () => {
    const schema = webUrlSchema("Enter a full address");
    expect(schema.parse("  https://example.com/a  ")).toBe("https://example.com/a");
    const scheme = schema.safeParse("javascript:alert(1)");
    const garbage = schema.safeParse("no address");
    expect(scheme.success || garbage.success).toBe(false);
    // Two different refusals: the admin learns what to change.
    expect(scheme.error?.issues[0]?.message).not.toBe(garbage.error?.issues[0]?.message);
    expect(garbage.error?.issues[0]?.message).toBe("Enter a full address");
  });
});
