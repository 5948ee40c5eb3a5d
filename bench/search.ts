import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/db";
import { listOrders } from "@/db/queries/order-list";
import { alternate, figure, median } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * The order list's search (db/queries/order-list.ts with order-search.ts: the first page, newest
 * first, and the count) for a phone typed the way people read it, an item's SKU and a customer's
 * surname, on the benchmark shop, beside the same match written by hand in SQL and sent
 * straight to postgres.js, alternating. Both read order_search_idx; the ratio is what the shared
 * search module, its transaction for plans made per text (withSearchPlans) and the list's mapping
 * cost over the plainest SQL.
 */
const WARM_UP = 5;
const ROUNDS = Number(process.env.BENCH_ITERATIONS ?? 60);

/** The list's two statements by hand: the match on the same columns as the index, in order_search. */
function handStatements(phone: boolean): { page: string; count: string } {
  const match = `o.id in (select q.order_id from order_search q where q.number ilike $1 or q.customer_name ilike $1
    or q.customer_email ilike $1 or q.tracking_number ilike $1 or q.item_skus ilike $1
    ${phone ? `or q.phone_digits like $2` : ""})`;
  return {
    page: `
      select o.id, o.number, o.customer_name, o.channel, o.total, o.currency, o.paid_at, o.payment_method,
             o.courier, o.version, o.order_type_id, o.created_at, o.status_changed_at,
             s.id, s.name, s.translations, s.colour, s.sla_hours, t.name
      from orders o join statuses s on s.id = o.status_id join order_types t on t.id = o.order_type_id
      where ${match}
      order by o.created_at desc, o.id desc
      limit 25`,
    count: `select count(*) from orders o join statuses s on s.id = o.status_id where ${match}`,
  };
}

type Search = { label: string; text: string; pattern: string; digits?: string };

/** What staff would type, taken from the seeded orders: a phone without +48, a SKU, a surname. */
async function searches(db: Db): Promise<Search[]> {
  const [order] = (await db.execute(sql`
    select customer_phone as phone, items->0->>'sku' as sku, split_part(customer_name, ' ', 2) as surname
    from orders where customer_phone is not null and customer_name like '% %' order by id limit 1 offset 5000
  `)) as unknown as { phone: string; sku: string; surname: string }[];
  if (!order) throw new Error("the benchmark database has no orders to search for");
  const national = order.phone.replace(/\D/g, "").slice(-9);
  const typed = `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  return [
    { label: "phone", text: typed, pattern: `%${typed}%`, digits: `%${national}%` },
    { label: "SKU", text: order.sku, pattern: `%${order.sku}%` },
    { label: "name", text: order.surname, pattern: `%${order.surname}%` },
  ];
}

export const searchScenario: Scenario = {
  name: "search",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const hand = postgres(context.databaseUrl, { max: 10, onnotice: () => {} });
    try {
      const figures: BenchFigure[] = [];
      for (const search of await searches(context.db)) {
        const statements = handStatements(Boolean(search.digits));
        const params = (search.digits ? [search.pattern, search.digits] : [search.pattern]) as never[];
        const [built, byHand] = await alternate(
          [
            () => listOrders({ db: context.db, locale: "pl", search: search.text }),
            () => Promise.all([hand.unsafe(statements.page, params), hand.unsafe(statements.count, params)]),
          ],
          { warmUp: WARM_UP, rounds: ROUNDS },
        );
        figures.push(figure(`search: ${search.label} (order list)`, "ms", median(built), median(byHand)));
      }
      return figures;
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
