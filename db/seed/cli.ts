import { parseArgs } from "node:util";
import { openConfiguredDb } from "@/db";
import { DEFAULT_DEMO_ORDERS, seedDemo } from "./demo";

/**
 * `npm run db:seed [-- --orders N]`: migrates the configured database, then tops it up with
 * demo data until at least N orders exist (default 300).
 */
function parseOrders(): number {
  const { values } = parseArgs({ options: { orders: { type: "string" } }, strict: true });
  if (values.orders === undefined) return DEFAULT_DEMO_ORDERS;
  const n = Number(values.orders.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--orders must be a whole number, got "${values.orders}"`);
  return n;
}

async function main() {
  const orders = parseOrders();
  const started = performance.now();
  const handle = await openConfiguredDb();
  try {
    await handle.migrate();
    console.log(`Database ready (${handle.kind}).`);
    const result = await seedDemo(handle.db, { orders, log: (line) => console.log(line) });
    console.log(`Seed finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    console.log("");
    console.log("Demo accounts (DEMO ONLY: for trying Orderly, never for a real shop):");
    for (const a of result.accounts) console.log(`  ${a.role.padEnd(9)}  ${a.email}  password: ${a.password}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
