import { sql } from "drizzle-orm";
import { openPglite } from "@/db";
import { seedDemo } from "./demo";
async function main() {
  const h = await openPglite();
  await h.migrate();
  await seedDemo(h.db, { orders: 10 });
  const origExecute = h.db.execute.bind(h.db);
  let total = 0;
  (h.db as any).execute = async (q: any) => { const t = performance.now(); const r = await origExecute(q); const d = performance.now() - t; total += d; console.log("exec", d.toFixed(0)); return r; };
  const t = performance.now();
  await seedDemo(h.db, { orders: 20010, log: console.log });
  console.log("total", (performance.now() - t).toFixed(0), "in execute", total.toFixed(0));
  await h.close();
}
main();
