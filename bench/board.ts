import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/db";
import { loadBoardData, type BoardColumnRequest } from "@/db/queries/board-query";
import { orderTypes, statuses } from "@/db/schema";
import { BOARD_COUNT_CAP, BOARD_PAGE_SIZE } from "@/lib/board-limits";
import { alternate, figure, median } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * The board's data for the retail type of the benchmark shop (the first cards of every column
 * plus capped counts) through the app's query module, beside the same statements written by hand
 * and sent straight to postgres.js, alternating, on the same database: the ratio is what the
 * query builder and the module's mapping cost.
 */
const WARM_UP = 5;
const ROUNDS = Number(process.env.BENCH_ITERATIONS ?? 60);

/** The same two statements as db/queries/board-query.ts, by hand. $1 type, $2 status ids, $3 limits, $4 SLAs. */
const HAND_CARDS = `
select card.id, card.number, card.status_id, card.version, card.customer_name, card.total, card.currency,
       card.channel, card.payment_method, card.paid_at, card.courier, card.status_changed_at
from unnest($2::int[], $3::int[], $4::int[]) as col(status_id, lim, sla_hours)
cross join lateral (
  select o.* from orders o
  where o.order_type_id = $1 and o.status_id = col.status_id
  order by o.status_changed_at, o.id
  limit col.lim
) card`;
const HAND_COUNTS = `
select col.status_id, count(matching.one)
from unnest($2::int[], $3::int[], $4::int[]) as col(status_id, lim, sla_hours)
left join lateral (
  select 1 as one from orders o
  where o.order_type_id = $1 and o.status_id = col.status_id
  limit ${BOARD_COUNT_CAP + 1}
) matching on true
group by col.status_id`;

/** The retail board's columns: every status its matrix mentions, as the board page asks for them. */
async function retailColumns(db: Db): Promise<{ typeId: number; columns: BoardColumnRequest[] }> {
  const [type] = await db.select().from(orderTypes).where(eq(orderTypes.code, "retail"));
  if (!type) throw new Error("order type retail missing");
  const rows = await db
    .select({ id: statuses.id, slaHours: statuses.slaHours })
    .from(statuses)
    .where(sql`${statuses.id} in (select from_status_id from transitions where order_type_id = ${type.id} union select to_status_id from transitions where order_type_id = ${type.id})`);
  return { typeId: type.id, columns: rows.map((r) => ({ statusId: r.id, slaHours: r.slaHours, limit: BOARD_PAGE_SIZE })) };
}

export const boardScenario: Scenario = {
  name: "board",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const { typeId, columns } = await retailColumns(context.db);
    const hand = postgres(context.databaseUrl, { max: 10, onnotice: () => {} });
    try {
      const params = [typeId, columns.map((c) => c.statusId), columns.map((c) => c.limit), columns.map((c) => c.slaHours)];
      const [built, byHand] = await alternate(
        [
          () => loadBoardData({ db: context.db, orderTypeId: typeId, columns, filters: {} }),
          () => Promise.all([hand.unsafe(HAND_CARDS, params as never[]), hand.unsafe(HAND_COUNTS, params as never[])]),
        ],
        { warmUp: WARM_UP, rounds: ROUNDS },
      );
      return [figure("board (retail)", "ms", median(built), median(byHand))];
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
