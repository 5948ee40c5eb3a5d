/** `db.execute` answers `{ rows }` on PGlite and the rows themselves on postgres.js: the rows, either way. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
