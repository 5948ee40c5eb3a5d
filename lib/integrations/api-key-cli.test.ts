import { describe, expect, it } from "vitest";
import { parseApiKeyArgs } from "./api-key-cli";

describe("parseApiKeyArgs", () => {
  it("reads --name and --scope", () => {
    expect(parseApiKeyArgs(["--name", " ERP Comarch ", "--scope", "write"])).toEqual({ ok: true, value: { name: "ERP Comarch", scope: "write" } });
    expect(parseApiKeyArgs(["--name=Shop", "--scope=admin"])).toEqual({ ok: true, value: { name: "Shop", scope: "admin" } });
  });

  it("names every missing or wrong argument", () => {
    const none = parseApiKeyArgs([]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors).toEqual([expect.stringContaining("--name is required"), expect.stringContaining("--scope is required")]);
    const bad = parseApiKeyArgs(["--name", "X", "--scope", "root"]);
    expect(bad).toEqual({ ok: false, errors: [expect.stringContaining('not "root"')] });
    const unknown = parseApiKeyArgs(["--name", "X", "--scope", "read", "--colour", "red"]);
    expect(unknown.ok).toBe(false);
  });
});
