// The board's reads, without `import "server-only"` so the benchmark (plain Node) can run the
// very same builder; db/queries/board.ts is the guarded entry point for the app.
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Placeholder } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { BOARD_COUNT_CAP } from "@/lib/board-limits";
import { orders } from "@/db/schema";
import { orderFilterConditions } from "./order-filters";
import { readSearching } from "./order-search";

export { BOARD_COUNT_CAP, BOARD_MAX_CARDS, BOARD_PAGE_SIZE } from "@/lib/board-limits";

export type BoardFilters = {
  channel?: string;
  courier?: string;
  paymentMethod?: string;
  paid?: "paid" | "unpaid";
  overdue?: boolean;
  /** Text to find in the number, customer, phone, tracking number or SKUs (order-search.ts). */
  q?: string;
};

/**
 * One column of the board to load: its status, its SLA (for "overdue"), how many cards, and
 * whether it is a finished column (completed, not completed), which lists its newest orders first:
 * there nobody waits, and the latest are the ones people look for.
 */
export type BoardColumnRequest = { statusId: number; slaHours: number | null; limit: number; newestFirst?: boolean };

/** The board's filters as conditions on `orders` (shared with the order list). */
function filterConditions(filters: BoardFilters, slaHours: SQL): SQL[] {
  const { q, ...shared } = filters;
  return orderFilterConditions({ ...shared, search: q }, slaHours);
}

const cardFields = {
  id: orders.id,
  number: orders.number,
  statusId: orders.statusId,
  version: orders.version,
  customerName: orders.customerName,
  total: orders.total,
  currency: orders.currency,
  channel: orders.channel,
  paymentMethod: orders.paymentMethod,
  paidAt: orders.paidAt,
  courier: orders.courier,
  statusChangedAt: orders.statusChangedAt,
};

/**
 * Per column, the orders waiting longest (oldest status change first; with `newestFirst`, the
 * latest first), up to the column's limit. One statement per direction: a VALUES list of the
 * columns, each joined LATERALLY to an index range scan on (order_type_id, status_id,
 * status_changed_at), forwards or backwards, that stops after `limit` rows. It costs the same
 * with 1,000 or 100,000 orders, unlike a window over the whole type.
 */
export function selectBoardCards({
  db,
  orderTypeId,
  columns,
  filters,
  newestFirst = false,
}: {
  db: DbOrTx;
  orderTypeId: number;
  columns: BoardColumnRequest[];
  filters: BoardFilters;
  newestFirst?: boolean;
}) {
  const cards = db
    .select(cardFields)
    .from(orders)
    .where(inLateralColumn(orderTypeId, filters))
    .orderBy(...(newestFirst ? [desc(orders.statusChangedAt), desc(orders.id)] : [asc(orders.statusChangedAt), asc(orders.id)]))
    // A per-column limit read from the lateral row; drizzle's type only admits numbers and
    // placeholders, but it renders any SQL chunk here (Postgres allows outer references in LIMIT).
    .limit(sql`col.lim` as unknown as Placeholder)
    .as("card");
  return db
    .select({
      id: cards.id,
      number: cards.number,
      statusId: cards.statusId,
      version: cards.version,
      customerName: cards.customerName,
      total: cards.total,
      currency: cards.currency,
      channel: cards.channel,
      paymentMethod: cards.paymentMethod,
      paidAt: cards.paidAt,
      courier: cards.courier,
      statusChangedAt: cards.statusChangedAt,
    })
    .from(columnValues(columns))
    .crossJoinLateral(cards);
}


/** An order of the type that sits in the lateral row's column (`col`) and passes the filters. */
function inLateralColumn(orderTypeId: number, filters: BoardFilters): SQL | undefined {
  return and(
    eq(orders.orderTypeId, orderTypeId),
    sql`${orders.statusId} = col.status_id`,
    ...filterConditions(filters, sql`col.sla_hours`),
  );
}

/** The columns as a VALUES list the lateral subqueries read their status, limit and SLA from. */
function columnValues(columns: BoardColumnRequest[]): SQL {
  const rows = columns.map((c) => sql`(${c.statusId}::int, ${c.limit}::int, ${c.slaHours}::int)`);
  return sql`(values ${sql.join(rows, sql`, `)}) as col(status_id, lim, sla_hours)`;
}

/**
 * How many orders sit in each column under the same filters as the cards, capped at
 * BOARD_COUNT_CAP + 1. Per column a LATERAL count over a LIMITed index range: a type with 60,000
 * completed orders costs a bounded scan instead of a pass over all of them, and "overdue"
 * becomes a range condition on status_changed_at, the index's third column.
 */
export function selectBoardCounts({
  db,
  orderTypeId,
  columns,
  filters,
}: {
  db: DbOrTx;
  orderTypeId: number;
  columns: BoardColumnRequest[];
  filters: BoardFilters;
}) {
  const matching = db
    .select({ one: sql<number>`1`.as("one") })
    .from(orders)
    .where(inLateralColumn(orderTypeId, filters))
    .limit(BOARD_COUNT_CAP + 1)
    .as("matching");
  return db
    .select({ statusId: sql<number>`col.status_id`.mapWith(Number), count: sql<number>`count(${matching.one})`.mapWith(Number) })
    .from(columnValues(columns))
    .leftJoinLateral(matching, sql`true`)
    .groupBy(sql`col.status_id`);
}

export type BoardCard = Awaited<ReturnType<typeof selectBoardCards>>[number];

/** Cards and counts for every requested column, keyed by status id. */
export async function loadBoardData(input: {
  db: DbOrTx;
  orderTypeId: number;
  columns: BoardColumnRequest[];
  filters: BoardFilters;
}): Promise<{ cards: Map<number, BoardCard[]>; counts: Map<number, number> }> {
  if (input.columns.length === 0) return { cards: new Map(), counts: new Map() };
  const newest = input.columns.filter((c) => c.newestFirst);
  const oldest = input.columns.filter((c) => !c.newestFirst);
  const read = (client: DbOrTx) =>
    Promise.all([
      oldest.length > 0 ? selectBoardCards({ ...input, db: client, columns: oldest }) : [],
      newest.length > 0 ? selectBoardCards({ ...input, db: client, columns: newest, newestFirst: true }) : [],
      selectBoardCounts({ ...input, db: client }),
    ]);
  const [oldestRows, newestRows, countRows] = await readSearching(input.db, input.filters.q, read);
  const cardRows = [...oldestRows, ...newestRows];
  const cards = new Map<number, BoardCard[]>(input.columns.map((c) => [c.statusId, []]));
  for (const card of cardRows) cards.get(card.statusId)?.push(card);
  return { cards, counts: new Map(countRows.map((r) => [r.statusId, r.count])) };
}
