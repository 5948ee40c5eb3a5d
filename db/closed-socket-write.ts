/**
 * postgres.js 3.4.9 can throw from a `setImmediate` callback when a connection closes with a
 * small write still buffered (`nextWrite` on a null socket; porsager/postgres#1154, #1208, fixes
 * proposed in #1168, #1176, #1209). The query it belonged to has already been rejected with
 * CONNECTION_CLOSED and the pool reconnects, so the error carries no information, but as an
 * uncaught exception it would end a process that was otherwise recovering from a database
 * restart. This recognises exactly that error and nothing else. Remove once postgres.js guards it.
 */
export function isClosedSocketWrite(error: unknown): boolean {
  // Read by shape, not `instanceof`: test runners hand errors over serialised.
  if (typeof error !== "object" || error === null) return false;
  const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
  return (
    name === "TypeError" &&
    message === "Cannot read properties of null (reading 'write')" &&
    /nextWrite[^\n]*postgres[\\/]src[\\/]connection\.js/.test(typeof stack === "string" ? stack : "")
  );
}

/**
 * For processes we own end to end (`npm run worker`): survive that one error, and keep Node's
 * default for every other uncaught exception (print it, exit 1). `next start` needs none of this:
 * its router server already logs uncaught exceptions and keeps serving.
 */
export function exitOnUncaughtExceptExpectedSocketWrites(log: (line: string) => void = console.warn): void {
  process.on("uncaughtException", (error) => {
    if (isClosedSocketWrite(error)) {
      log("postgres.js wrote to a closed connection after the database went away (ignored; the pool reconnects)");
      return;
    }
    console.error(error);
    process.exit(1);
  });
}
