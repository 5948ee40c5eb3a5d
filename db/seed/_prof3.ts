import { openPglite } from "@/db";
import { newTrackingToken } from "@/lib/orders/tracking-token";
import { seedDemo } from "./demo";
import { insertDemoOrders } from "./bulk-insert";
import { generateDemoOrder, type DemoContext } from "./demo-orders";
import { loadWorkflowDefinition } from "@/lib/orders/workflow-definition";
import { Random } from "./random";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function main() {
  const h = await openPglite();
  await h.migrate();
  const r = await seedDemo(h.db, { orders: 1 });
  const dwell = new Map<number, number>();
  const ctx: DemoContext = {
    retail: { id: r.orderTypeIds.retail, code: "retail", wholesale: false, def: (await loadWorkflowDefinition(h.db, r.orderTypeIds.retail))!, meanDwellHours: dwell },
    wholesale: { id: r.orderTypeIds.wholesale, code: "wholesale", wholesale: true, def: (await loadWorkflowDefinition(h.db, r.orderTypeIds.wholesale))!, meanDwellHours: dwell },
    staff: [{ type: "user", id: "1", label: "Ada" }], system: { type: "system", id: null, label: "System" }, now: Date.now(),
  };
  for (let b = 0; b < 4; b++) {
    let c = cpu(), w = performance.now();
    const batch = [];
    for (let k = 0; k < 5000; k++) batch.push(generateDemoOrder({ rng: Random.forIndex(1, b * 5000 + k), ctx, createdAt: Date.now() - 30 * 86400000 + k * 1000, trackingToken: newTrackingToken() }));
    const g = cpu() - c; c = cpu();
    const ev = batch.reduce((s, o) => s + o.events.length, 0);
    await h.db.transaction((tx) => insertDemoOrders(tx, batch));
    console.log(`batch ${b}: gen cpu ${g.toFixed(0)} insert cpu ${(cpu() - c).toFixed(0)} wall ${(performance.now() - w).toFixed(0)} events ${ev}`);
  }
  await h.close();
}
main();
