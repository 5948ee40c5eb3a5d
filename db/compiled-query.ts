import * as drizzle from "drizzle-orm";
import { sql, type Column, type SQL } from "drizzle-orm";
import type { SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./index";

/** What drizzle's query builders have in common: SQL text and parameters, and a typed result. */
type Buildable<R> = PromiseLike<R> & { toSQL(): { sql: string; params: unknown[] } };

/** The selection the rows are mapped from: a select's fields, or `getTableColumns(table)` for a whole row. */
type Selection = Record<string, unknown>;

// drizzle orders a selection's fields (nested objects, whole tables) this way before mapping rows;
// it exports the function at run time but leaves it out of its type declarations.
const orderSelectedFields = (drizzle as unknown as { orderSelectedFields: (fields: Selection) => SelectedFieldsOrdered })
  .orderSelectedFields;

/**
 * A statement on the hot path of every status change, built by drizzle once per process and then
 * run, with new values for its `sql.placeholder`s, on whichever client or transaction is given.
 * Building a query (walking the schema, naming every column, wrapping every value) costs more
 * JavaScript than Postgres takes to run these statements; built once, the SQL text is also the
 * same every time, so postgres.js prepares it once per connection. `selection` is what the rows
 * are mapped from (omit it for statements whose answer is not read), or a function giving it when
 * it is only safe to build once every module has loaded; inner joins only, since the left-join
 * null handling lives in drizzle's builder.
 */
export function compileQuery<R, V extends Record<string, unknown>>(
  build: (db: DbOrTx) => Buildable<R>,
  selection?: Selection | (() => Selection),
): (on: DbOrTx, values: V) => Promise<R> {
  let compiled: { query: { sql: string; params: unknown[] }; fields: SelectedFieldsOrdered | undefined } | undefined;
  return (on, values) => {
    // Built from the first client it runs on: every client of this app names columns the same way.
    compiled ??= {
      query: build(on).toSQL(),
      fields: selection && orderSelectedFields(typeof selection === "function" ? selection() : selection),
    };
    return on._.session.prepareQuery(compiled.query, compiled.fields, undefined, true).execute(values) as Promise<R>;
  };
}

/**
 * A placeholder where drizzle's types take no `sql.placeholder` (an update's `set`), encoded the
 * way `column` encodes its values (a date, JSON) when the statement runs.
 */
export function placeholderFor(name: string, column: Column): SQL {
  return sql`${sql.param(sql.placeholder(name), column as never)}`;
}
