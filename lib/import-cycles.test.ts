import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The cycle rule reports nothing at all when it cannot parse or resolve an import (no `@/` resolver,
// `.ts` missing from the extensions it follows), so `npm run lint` passing says nothing by itself.
// These fixtures are a real circle; the project's own config must find it.
const root = path.resolve(import.meta.dirname, "..");
const fixture = (name: string) => path.join(root, "tests/lint/cycle", name);

async function lint(files: string[]) {
  // `ignore: false`: the fixtures sit in a folder the config ignores, so that `npm run lint` stays clean.
  const eslint = new ESLint({ cwd: root, ignore: false });
  const results = await eslint.lintFiles(files);
  return results.map((r) => ({
    file: path.basename(r.filePath),
    rules: r.messages.map((m) => m.ruleId),
  }));
}

describe("the lint config's import-cycle rule", () => {
  it("reports a circle through the @/ alias and a relative import, on both ends", async () => {
    expect(await lint([fixture("first.ts"), fixture("second.ts")])).toEqual([
      { file: "first.ts", rules: ["import-x/no-cycle"] },
      { file: "second.ts", rules: ["import-x/no-cycle"] },
    ]);
  });

  it("leaves a type-only import into a circle alone: it is erased before anything runs", async () => {
    expect(await lint([fixture("type-only.ts")])).toEqual([{ file: "type-only.ts", rules: [] }]);
  });
});
