import { sql } from "drizzle-orm";
import postgres from "postgres";
import { listOrderDocuments } from "@/db/queries/documents";
import { getOrderByNumber, getOrderHistory, getOrderNotifications } from "@/db/queries/orders";
import { rowsOf } from "@/db/rows";
import { HISTORY_PAGE_SIZE, ITEMS_SHOWN } from "@/lib/orders/page-bounds";
import { alternate, figure, median } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * The order page's reads (the order with its status and type, the first page of its history
 * with the count, its documents, the messages of the events shown) through db/queries, beside
 * the same statements by hand on postgres.js, alternating, for orders spread over the whole
 * table: the ratio is what the query modules cost, and across database sizes whether the page
 * stays as cheap in a big shop.
 */
const WARM_UP = 5;
const ROUNDS = Number(process.env.BENCH_ITERATIONS ?? 60);
const SAMPLE = 40;

const HAND_ORDER = `
select o.id, o.number, o.status_id, o.version, o.customer_name, o.customer_email, o.total, o.currency,
       jsonb_path_query_array(o.items, '$[0 to ${ITEMS_SHOWN - 1}]') items, jsonb_array_length(o.items) item_count,
       s.*, t.*
from orders o join statuses s on s.id = o.status_id join order_types t on t.id = o.order_type_id
where o.number = $1`;
const HAND_COUNT = `select count(*) from order_events where order_id = $1`;
const HAND_HISTORY = `
select e.*, f.name, f.colour, f.translations, t.name, t.colour, t.translations
from order_events e left join statuses f on f.id = e.from_status_id left join statuses t on t.id = e.to_status_id
where e.order_id = $1 order by e.id desc limit ${HISTORY_PAGE_SIZE}`;
const HAND_DOCUMENTS = `select id, kind, number, file_name, created_at from documents where order_id = $1 order by id desc`;
const HAND_MESSAGES = `
select id, event_id, kind, recipient, payload #>> '{template,audience}', state, attempts, last_error, sent_at
from outbox where order_id = $1 and event_id = any($2::int[]) order by id`;

export const orderPageScenario: Scenario = {
  name: "order-page",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const { db } = context;
    // Orders spread evenly over the table, old and new alike.
    const picked = rowsOf<{ number: string }>(
      await db.execute(sql`select number from orders where id % greatest(1, (select count(*) from orders) / ${SAMPLE}) = 0 order by id limit ${SAMPLE}`),
    );
    const numbers = picked.map((r) => r.number);
    if (numbers.length === 0) throw new Error("no orders to open");
    let next = 0;
    const hand = postgres(context.databaseUrl, { max: 4, onnotice: () => {} });
    try {
      const viaModules = async () => {
        const found = await getOrderByNumber({ db, number: numbers[next++ % numbers.length]! });
        if (!found) throw new Error("order vanished");
        const [history] = await Promise.all([getOrderHistory({ db, orderId: found.order.id }), listOrderDocuments({ db, orderId: found.order.id })]);
        await getOrderNotifications({ db, orderId: found.order.id, eventIds: history.entries.map((e) => e.event.id) });
      };
      const byHand = async () => {
        const [found] = await hand.unsafe(HAND_ORDER, [numbers[next++ % numbers.length]!]);
        if (!found) throw new Error("order vanished");
        const [, history] = await Promise.all([
          hand.unsafe(HAND_COUNT, [found.id]),
          hand.unsafe(HAND_HISTORY, [found.id]),
          hand.unsafe(HAND_DOCUMENTS, [found.id]),
        ]);
        await hand.unsafe(HAND_MESSAGES, [found.id, history.map((e) => e.id)]);
      };
      const [built, plain] = await alternate([viaModules, byHand], { warmUp: WARM_UP, rounds: ROUNDS });
      return [figure("order page reads", "ms", median(built), median(plain))];
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
