import { sql, type SQL } from "drizzle-orm";
import { openPglite } from "@/db";
import { seedDemo } from "./demo";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function main() {
  const h = await openPglite();
  await h.migrate();
  await seedDemo(h.db, { orders: 5000 });
  const time = async (label: string, q: SQL | (() => Promise<unknown>)) => { const c = cpu(); try { if (typeof q === "function") await q(); else await h.db.execute(q); console.log(label, (cpu() - c).toFixed(0)); } catch (e: any) { console.log(label, "ERR", String(e.cause?.message ?? e.message).slice(0, 300)); } };
  const cl = sql.raw("order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, customer_visible, data, created_at");
  await h.db.execute(sql`create table st as select ${cl} from order_events`);
  await h.db.execute(sql`create table plain as select ${cl} from order_events limit 0`);
  for (let rep = 0; rep < 2; rep++) {
    await time("plain", sql`insert into plain select * from st`);
    await time("full", sql`insert into order_events (${cl}) select * from st`);
    await time("replica", () => h.db.transaction(async (tx) => { await tx.execute(sql`set local session_replication_role = replica`); await tx.execute(sql`insert into order_events (${cl}) select * from st`); }));
  }
  await h.db.execute(sql`drop index order_events_order_idx`);
  await time("full no idx", sql`insert into order_events (${cl}) select * from st`);
  await time("replica no idx", () => h.db.transaction(async (tx) => { await tx.execute(sql`set local session_replication_role = replica`); await tx.execute(sql`insert into order_events (${cl}) select * from st`); }));
  const ocl = sql.raw("order_type_id, status_id, status_changed_at, version, channel, customer_name, customer_email, customer_phone, locale, currency, total, payment_method, paid_at, paid_amount, shipping_method, courier, tracking_number, tracking_token, shipping_address, items, created_at, updated_at");
  await h.db.execute(sql`create table ost as select ${ocl} from orders`);
  for (let rep = 0; rep < 2; rep++) {
    await h.db.execute(sql`update ost set tracking_token = tracking_token || 'x'`);
    await time("orders full", sql`insert into orders (number, ${ocl}) select 'ORD-' || nextval('order_number_seq'), * from ost`);
    await h.db.execute(sql`update ost set tracking_token = tracking_token || 'x'`);
    await time("orders replica", () => h.db.transaction(async (tx) => { await tx.execute(sql`set local session_replication_role = replica`); await tx.execute(sql`insert into orders (number, ${ocl}) select 'ORD-' || nextval('order_number_seq'), * from ost`); }));
  }
  await h.close();
}
main();
