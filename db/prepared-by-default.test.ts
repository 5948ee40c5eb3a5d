import { describe, expect, it } from "vitest";
import { preparedByDefault } from "./prepared-by-default";

type Call = { query: string; options: Record<string, unknown> | undefined };

/** A stand-in for a postgres.js client: records what `unsafe` is asked, opens scopes like `begin`. */
function fakeSql(calls: Call[], depth = 0): Record<string, unknown> {
  const scope: Record<string, unknown> = {
    unsafe: (query: string, _parameters?: unknown[], options?: Record<string, unknown>) => {
      calls.push({ query, options });
      return `result of ${query}`;
    },
  };
  const open = (...args: unknown[]) => (args.at(-1) as (inner: unknown) => unknown)(fakeSql(calls, depth + 1));
  if (depth === 0) scope.begin = open;
  else scope.savepoint = open;
  return scope;
}

describe("preparedByDefault", () => {
  it("asks postgres.js to prepare what drizzle sends unprepared, keeping the other options", () => {
    const calls: Call[] = [];
    const sql = preparedByDefault(fakeSql(calls)) as { unsafe: (q: string, p: unknown[], o: object) => unknown };
    expect(sql.unsafe("select $1", [1], { prepare: false, simple: false })).toBe("result of select $1");
    expect(calls).toEqual([{ query: "select $1", options: { prepare: true, simple: false } }]);
  });

  it("does the same inside transactions and their savepoints, whatever options open them", async () => {
    const calls: Call[] = [];
    type Scope = {
      unsafe: (q: string, p: unknown[], o: object) => unknown;
      begin: (options: string, body: (tx: Scope) => unknown) => Promise<unknown>;
      savepoint: (body: (sp: Scope) => unknown) => unknown;
    };
    const sql = preparedByDefault(fakeSql(calls)) as unknown as Scope;
    await sql.begin("isolation level serializable", (tx: Scope) => {
      tx.unsafe("update a", [1], { prepare: false });
      return tx.savepoint((sp: Scope) => sp.unsafe("update b", [2], { prepare: false }));
    });
    expect(calls.map((c) => [c.query, c.options?.prepare])).toEqual([
      ["update a", true],
      ["update b", true],
    ]);
  });
});
