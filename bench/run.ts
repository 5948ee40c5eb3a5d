/**
 * `npm run bench [-- board outbox tracking]`: runs the named benchmarks (all by default), one after the
 * other so they never compete for the two cores. Each prints its own figures.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  board: async () => (await import("./board")).benchBoard(),
  outbox: async () => (await import("./outbox-worker")).benchOutboxWorker(),
  tracking: async () => (await import("./tracking")).benchTracking(),
};

async function main() {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHES);
  let failed = false;
  for (const name of names) {
    const run = BENCHES[name];
    if (!run) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(", ")}`);
    try {
      await run();
    } catch (error) {
      failed = true;
      console.error(`benchmark ${name} failed:`, error);
    }
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
