import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "./index";

const root = mkdtempSync(path.join(tmpdir(), "orderly-pglite-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("openPglite", () => {
  it("opens a database in a folder whose parents do not exist yet, as `.data/` on a fresh checkout", async () => {
    const handle = await openPglite(path.join(root, ".data", "e2e-3100"));
    try {
      await handle.migrate();
      expect(handle.kind).toBe("pglite");
    } finally {
      await handle.close();
    }
  });
});
