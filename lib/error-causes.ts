/**
 * Whether `error` or anything in its `cause` chain has a `code` that `matches`. Drivers and drizzle
 * wrap the server's or the socket's error ("Failed query: ..." around a PostgresError or a
 * connection error), so the code that says what went wrong is rarely on the outermost error.
 */
export function someCauseCode(error: unknown, matches: (code: string) => boolean): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && matches(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What a thrown value says, for a log line or a recorded failure: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
