import type postgres from "postgres";

type Unsafe = postgres.Sql["unsafe"];
type Opener = (...args: unknown[]) => unknown;
type Scope = { unsafe: Unsafe; begin?: Opener; savepoint?: Opener };

/**
 * drizzle's postgres.js driver runs every query not built with `.prepare(name)` with
 * `prepare: false` (drizzle-orm#6096). postgres.js then describes each parameterised statement
 * before executing it: two round trips per query, and nothing sent behind it until the first
 * answer comes back, so a transaction's queries cannot be pipelined. This turns postgres.js's own
 * default back on: a statement is prepared once per connection (cached by its text and parameter
 * types) and afterwards runs in one round trip. The client, its transactions and their savepoints
 * are each a separate `unsafe`, so all three are covered. Connections are recycled after
 * postgres.js's `max_lifetime`, which bounds how many statements a connection keeps.
 */
export function preparedByDefault<T extends object>(sql: T): T {
  const scope = sql as unknown as Scope;
  const unsafe = scope.unsafe;
  scope.unsafe = ((query: string, parameters?: unknown[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(query, parameters as never, { ...options, prepare: true })) as Unsafe;
  for (const key of ["begin", "savepoint"] as const) {
    const open = scope[key];
    if (!open) continue;
    scope[key] = (...args: unknown[]) => {
      const body = args.at(-1) as (inner: object) => unknown;
      return open(...args.slice(0, -1), (inner: object) => body(preparedByDefault(inner)));
    };
  }
  return sql;
}
