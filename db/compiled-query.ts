import * as drizzle from "drizzle-orm";
import { sql, type Column, type SQL } from "drizzle-orm";
import type { SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./index";

/** What drizzle's query builders have in common: SQL text and parameters, and a typed result. */
export type Buildable<R> = PromiseLike<R> & { toSQL(): { sql: string; params: unknown[] } };

/** The selection the rows are mapped from: a select's fields, or `getTableColumns(table)` for a whole row. */
type Selection = Record<string, unknown>;

/** A statement built once and run many times; `build` is kept so a test can run it drizzle's public way. */
export type CompiledQuery<R, V extends Record<string, unknown>> = ((on: DbOrTx, values: V) => Promise<R>) & {
  readonly statementName: string;
  readonly build: (db: DbOrTx) => Buildable<R>;
  /** Whether the statement answers with rows (it was given a selection); others answer a driver's own summary. */
  readonly answersRows: boolean;
};

// The two drizzle internals this module relies on; `lib/orders/fast-path.db.test.ts` fails when
// either changes. drizzle orders a selection's fields (nested objects, whole tables) with the first
// before mapping rows; it exports it at run time but leaves it out of its type declarations.
export const drizzleInternals = {
  orderSelectedFields: (drizzle as unknown as { orderSelectedFields?: (fields: Selection) => SelectedFieldsOrdered }).orderSelectedFields,
  prepareQuery: (on: DbOrTx) => on._.session.prepareQuery.bind(on._.session),
};

/** Every compiled statement by name (a module reloaded in development replaces its own), so the test above can hold each to drizzle's own result. */
export const compiledQueries = new Map<string, CompiledQuery<unknown, Record<string, unknown>>>();

/**
 * A statement on the hot path of every status change, built by drizzle once per process and then
 * run, with new values for its `sql.placeholder`s, on whichever client or transaction is given.
 * Building a query (walking the schema, naming every column, wrapping every value) costs more
 * JavaScript than Postgres takes to run these statements; built once, the SQL text is also the
 * same every time, so postgres.js prepares it once per connection. `selection` is what the rows
 * are mapped from (omit it for statements whose answer is not read); inner joins only, since the
 * left-join null handling lives in drizzle's builder.
 */
export function compileQuery<R, V extends Record<string, unknown>>(
  statementName: string,
  build: (db: DbOrTx) => Buildable<R>,
  selection?: Selection,
): CompiledQuery<R, V> {
  const { orderSelectedFields } = drizzleInternals;
  if (!orderSelectedFields) throw new Error("drizzle-orm no longer exports orderSelectedFields: see db/compiled-query.ts");
  let compiled: { query: { sql: string; params: unknown[] }; fields: SelectedFieldsOrdered | undefined } | undefined;
  const run = (on: DbOrTx, values: V) => {
    // Built from the first client it runs on: every client of this app names columns the same way.
    compiled ??= { query: build(on).toSQL(), fields: selection && orderSelectedFields(selection) };
    return drizzleInternals.prepareQuery(on)(compiled.query, compiled.fields, undefined, true).execute(values) as Promise<R>;
  };
  const statement = Object.assign(run, { statementName, build, answersRows: selection !== undefined });
  compiledQueries.set(statementName, statement as unknown as CompiledQuery<unknown, Record<string, unknown>>);
  return statement;
}

/**
 * A placeholder where drizzle's types take no `sql.placeholder` (an update's `set`), encoded the
 * way `column` encodes its values (a date, JSON) when the statement runs.
 */
export function placeholderFor(name: string, column: Column): SQL {
  return sql`${sql.param(sql.placeholder(name), column as never)}`;
}
