import { sql, type SQL } from "drizzle-orm";
import { openPglite } from "@/db";
import { seedDemo } from "./demo";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const lit = (xs: (string | number | null | undefined)[]) => "{" + xs.map((x) => x == null ? "NULL" : typeof x === "number" ? String(x) : '"' + x.replace(/["\\]/g, "\\$&") + '"').join(",") + "}";
async function main() {
  const h = await openPglite();
  await h.migrate();
  await seedDemo(h.db, { orders: 5000 });
  const time = async (label: string, q: SQL | (() => Promise<unknown>)) => { const c = cpu(); try { if (typeof q === "function") await q(); else await h.db.execute(q); console.log(label, (cpu() - c).toFixed(0)); } catch (e: any) { console.log(label, "ERR", String(e.cause?.message ?? e.message).slice(0, 300)); } };
  const rows = ((await h.db.execute(sql`select order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, customer_visible, data, (extract(epoch from created_at) * 1000)::float8 as ms from order_events`)) as any).rows as any[];
  await h.db.execute(sql`create table plain as select * from order_events limit 0`);
  await h.db.execute(sql`alter table plain drop column id`);
  const E1 = JSON.stringify(rows.map((r) => ({ order_id: r.order_id, type: r.type, from_status_id: r.from_status_id, to_status_id: r.to_status_id, actor_type: r.actor_type, actor_id: r.actor_id, actor_label: r.actor_label, customer_visible: r.customer_visible, data: r.data, created_at: new Date(r.ms).toISOString() })));
  const E2 = JSON.stringify(rows.map((r) => { const o: any = { o: r.order_id, t: r.type, a: r.actor_type, l: r.actor_label, c: r.ms }; if (r.from_status_id) o.f = r.from_status_id; if (r.to_status_id) o.s = r.to_status_id; if (r.actor_id) o.i = r.actor_id; if (Object.keys(r.data).length) o.d = r.data; return o; }));
  const cols = sql.raw("order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label, customer_visible, data, created_at");
  console.log("sizes", E1.length, E2.length);
  for (let rep = 0; rep < 2; rep++) {
    await time("E1 parse+plain", sql`insert into plain (${cols}) select * from json_to_recordset(${E1}::text::json) as x(order_id integer, type order_event_type, from_status_id integer, to_status_id integer, actor_type actor_type, actor_id text, actor_label text, customer_visible boolean, data jsonb, created_at timestamptz)`);
    await time("E2 parse+plain", sql`insert into plain (${cols}) select x.o, x.t, x.f, x.s, x.a, x.i, x.l, false, coalesce(x.d, '{}'), to_timestamp(x.c / 1000) from json_to_recordset(${E2}::text::json) as x(o integer, t order_event_type, f integer, s integer, a actor_type, i text, l text, d jsonb, c float8)`);
    const c0 = cpu();
    const A = [lit(rows.map((r) => r.order_id)), lit(rows.map((r) => r.type)), lit(rows.map((r) => r.from_status_id)), lit(rows.map((r) => r.to_status_id)), lit(rows.map((r) => r.actor_type)), lit(rows.map((r) => r.actor_id)), lit(rows.map((r) => r.actor_label)), lit(rows.map((r) => Object.keys(r.data).length ? JSON.stringify(r.data) : null)), lit(rows.map((r) => r.ms / 1000))];
    console.log("E3 build", (cpu() - c0).toFixed(0), A.reduce((s, x) => s + x.length, 0));
    await time("E3 parse+plain", sql`insert into plain (${cols}) select u.o, u.t::order_event_type, u.f, u.s, u.a::actor_type, u.i, u.l, false, coalesce(u.d::jsonb, '{}'), to_timestamp(u.c) from unnest(${A[0]}::text::int[], ${A[1]}::text::text[], ${A[2]}::text::int[], ${A[3]}::text::int[], ${A[4]}::text::text[], ${A[5]}::text::text[], ${A[6]}::text::text[], ${A[7]}::text::text[], ${A[8]}::text::float8[]) as u(o, t, f, s, a, i, l, d, c)`);
  }
  const orows = ((await h.db.execute(sql`select *, (extract(epoch from created_at) * 1000)::float8 as c_ms from orders`)) as any).rows as any[];
  await h.db.execute(sql`create table oplain as select * from orders limit 0`);
  await h.db.execute(sql`alter table oplain drop column id`);
  const O1 = JSON.stringify(orows.map((o) => ({ order_type_id: o.order_type_id, status_id: o.status_id, status_changed_at: new Date(o.c_ms).toISOString(), version: o.version, channel: o.channel, customer_name: o.customer_name, customer_email: o.customer_email, customer_phone: o.customer_phone, locale: o.locale, currency: o.currency, total: o.total, payment_method: o.payment_method, paid_at: new Date(o.c_ms).toISOString(), paid_amount: o.paid_amount, shipping_method: o.shipping_method, courier: o.courier, tracking_number: o.tracking_number, tracking_token: o.tracking_token, shipping_address: o.shipping_address, items: o.items, created_at: new Date(o.c_ms).toISOString(), updated_at: new Date(o.c_ms).toISOString() })));
  const ocols = sql.raw("number, order_type_id, status_id, status_changed_at, version, channel, customer_name, customer_email, customer_phone, locale, currency, total, payment_method, paid_at, paid_amount, shipping_method, courier, tracking_number, tracking_token, shipping_address, items, created_at, updated_at");
  const O2 = JSON.stringify(orows.map((o) => [o.order_type_id, o.status_id, o.c_ms, o.version, o.channel, o.customer_name, o.customer_email, o.customer_phone, o.locale, o.total, o.payment_method, o.c_ms, o.paid_amount, o.shipping_method, o.courier, o.tracking_number, o.tracking_token, o.shipping_address, o.items, o.c_ms, o.c_ms]));
  console.log("sizes", O1.length, O2.length);
  for (let rep = 0; rep < 2; rep++) {
    await time("O1 parse+plain", sql`insert into oplain (${ocols}) select 'ORD-' || nextval('order_number_seq'), * from json_to_recordset(${O1}::text::json) as x(order_type_id integer, status_id integer, status_changed_at timestamptz, version integer, channel text, customer_name text, customer_email text, customer_phone text, locale text, currency text, total integer, payment_method text, paid_at timestamptz, paid_amount integer, shipping_method text, courier text, tracking_number text, tracking_token text, shipping_address jsonb, items jsonb, created_at timestamptz, updated_at timestamptz)`);
    await time("O2 arrays-in-json", sql`insert into oplain (${ocols}) select 'ORD-' || nextval('order_number_seq'), (r->>0)::int, (r->>1)::int, to_timestamp((r->>2)::float8/1000), (r->>3)::int, r->>4, r->>5, r->>6, r->>7, r->>8, 'PLN', (r->>9)::int, r->>10, to_timestamp((r->>11)::float8/1000), (r->>12)::int, r->>13, r->>14, r->>15, r->>16, r->17, r->18, to_timestamp((r->>19)::float8/1000), to_timestamp((r->>20)::float8/1000) from jsonb_array_elements(${O2}::text::jsonb) as r`);
    const c0 = cpu();
    const col = (f: (o: any) => any) => lit(orows.map(f));
    const A = [col((o) => o.order_type_id), col((o) => o.status_id), col((o) => o.c_ms / 1000), col((o) => o.version), col((o) => o.channel), col((o) => o.customer_name), col((o) => o.customer_email), col((o) => o.customer_phone), col((o) => o.locale), col((o) => o.total), col((o) => o.payment_method), col((o) => o.c_ms / 1000), col((o) => o.paid_amount), col((o) => o.shipping_method), col((o) => o.courier), col((o) => o.tracking_number), col((o) => o.tracking_token), col((o) => JSON.stringify(o.shipping_address)), col((o) => JSON.stringify(o.items))];
    console.log("O3 build", (cpu() - c0).toFixed(0), A.reduce((s, x) => s + x.length, 0));
    await time("O3 unnest", sql`insert into oplain (${ocols}) select 'ORD-' || nextval('order_number_seq'), a, b, to_timestamp(c), d, e, f, g, h, i, 'PLN', j, k, to_timestamp(l), m, n, o, p, q, r::jsonb, s::jsonb, to_timestamp(c), to_timestamp(c) from unnest(${A[0]}::text::int[], ${A[1]}::text::int[], ${A[2]}::text::float8[], ${A[3]}::text::int[], ${A[4]}::text::text[], ${A[5]}::text::text[], ${A[6]}::text::text[], ${A[7]}::text::text[], ${A[8]}::text::text[], ${A[9]}::text::int[], ${A[10]}::text::text[], ${A[11]}::text::float8[], ${A[12]}::text::int[], ${A[13]}::text::text[], ${A[14]}::text::text[], ${A[15]}::text::text[], ${A[16]}::text::text[], ${A[17]}::text::text[], ${A[18]}::text::text[]) as u(a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s)`);
  }
  await h.close();
}
main();
