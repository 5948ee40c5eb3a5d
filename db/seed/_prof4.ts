import { sql, type SQL } from "drizzle-orm";
import { openPglite } from "@/db";
import { seedDemo } from "./demo";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function main() {
  const h = await openPglite();
  await h.migrate();
  await seedDemo(h.db, { orders: 5000 });
  const time = async (label: string, q: SQL | (() => Promise<unknown>)) => { const c = cpu(); try { if (typeof q === "function") await q(); else await h.db.execute(q); console.log(label, (cpu() - c).toFixed(0)); } catch (e: any) { console.log(label, "ERR", String(e.cause?.message ?? e.message).slice(0, 300)); } };
  const ev: any = await h.db.execute(sql`select order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, customer_visible, data, created_at from order_events`);
  const rows = ev.rows as any[];
  const ej = JSON.stringify(rows);
  const ecolsList = sql.raw("order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, customer_visible, data, created_at");
  const cols = sql.raw(`order_id integer, type order_event_type, from_status_id integer, to_status_id integer, actor_type actor_type, actor_id text, actor_label text, customer_visible boolean, data jsonb, created_at timestamptz`);
  for (let rep = 0; rep < 2; rep++) {
  await time("A json", sql`insert into order_events (${ecolsList}) select * from json_to_recordset(${ej}::text::json) as x(${cols})`);
  await time("B json replica", () => h.db.transaction(async (tx) => { await tx.execute(sql`set local session_replication_role = replica`); await tx.execute(sql`insert into order_events (${ecolsList}) select * from json_to_recordset(${ej}::text::json) as x(${cols})`); }));
  // C: arrays
  const lit = (xs: (string | number | null)[]) => "{" + xs.map((x) => x === null ? "NULL" : typeof x === "number" ? String(x) : '"' + String(x).replace(/["\\]/g, "\\$&") + '"').join(",") + "}";
  const c0 = cpu();
  const arr = {
    o: lit(rows.map((r) => r.order_id)), t: lit(rows.map((r) => r.type)), f: lit(rows.map((r) => r.from_status_id)), to: lit(rows.map((r) => r.to_status_id)),
    at: lit(rows.map((r) => r.actor_type)), ai: lit(rows.map((r) => r.actor_id)), al: lit(rows.map((r) => r.actor_label)), d: lit(rows.map((r) => JSON.stringify(r.data))), c: lit(rows.map((r) => new Date(r.created_at).getTime())),
  };
  console.log("C build", (cpu() - c0).toFixed(0), Object.values(arr).reduce((s, x) => s + x.length, 0));
  await time("C unnest", sql`insert into order_events (order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, data, created_at) select o, t::order_event_type, f, tt, a::actor_type, ai, al, d::jsonb, to_timestamp(c / 1000.0) from unnest(${arr.o}::text::int[], ${arr.t}::text::text[], ${arr.f}::text::int[], ${arr.to}::text::int[], ${arr.at}::text::text[], ${arr.ai}::text::text[], ${arr.al}::text::text[], ${arr.d}::text::text[], ${arr.c}::text::float8[]) as u(o, t, f, tt, a, ai, al, d, c)`);
  await time("C unnest count only", sql`select count(*) from unnest(${arr.o}::text::int[], ${arr.t}::text::text[], ${arr.f}::text::int[], ${arr.to}::text::int[], ${arr.at}::text::text[], ${arr.ai}::text::text[], ${arr.al}::text::text[], ${arr.d}::text::text[], ${arr.c}::text::float8[]) as u(o, t, f, tt, a, ai, al, d, c)`);
  await time("A json count only", sql`select count(*) from json_to_recordset(${ej}::text::json) as x(${cols})`);
  await time("D unnest replica", () => h.db.transaction(async (tx) => { await tx.execute(sql`set local session_replication_role = replica`); await tx.execute(sql`insert into order_events (order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, data, created_at) select o, t::order_event_type, f, tt, a::actor_type, ai, al, d::jsonb, to_timestamp(c / 1000.0) from unnest(${arr.o}::text::int[], ${arr.t}::text::text[], ${arr.f}::text::int[], ${arr.to}::text::int[], ${arr.at}::text::text[], ${arr.ai}::text::text[], ${arr.al}::text::text[], ${arr.d}::text::text[], ${arr.c}::text::float8[]) as u(o, t, f, tt, a, ai, al, d, c)`); }));
  }
  await h.close();
}
main();
