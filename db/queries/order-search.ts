// The staff search, one module for the order list (db/queries/orders.ts) and the board
// (board-query.ts), ADR 0148. Without `import "server-only"`: the board's reads and the
// benchmark import it in plain Node.
import { ilike, like, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { orderSearch, orders } from "@/db/schema";
import { inOwnTransaction } from "@/db/transaction";
import { phoneDigitsToSearch } from "@/lib/phone";

/** LIKE's wildcards and its escape character escaped, so a typed "50%" or "a_b" means itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for `text` anywhere in a value, its wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * Orders where `text` appears, in any case, in the number, the customer's name or email, the
 * tracking number or an item's SKU; and, when the text reads as (part of) a phone number, in the
 * customer's phone however spaces, dashes and +48 were written on either side. It looks in
 * `order_search`, the orders' searched fields kept by Postgres beside them, whose trigram index
 * (order_search_idx) answers each alternative, so the search reads the index, not the table; the
 * index is there rather than on `orders` so that status changes do not write it (ADR 0148).
 */
export function orderSearchCondition(text: string): SQL {
  const pattern = likePattern(text);
  const matches = [
    ilike(orderSearch.number, pattern),
    ilike(orderSearch.customerName, pattern),
    ilike(orderSearch.customerEmail, pattern),
    ilike(orderSearch.trackingNumber, pattern),
    ilike(orderSearch.itemSkus, pattern),
  ];
  const digits = phoneDigitsToSearch(text);
  // Digits only: nothing to escape.
  if (digits) matches.push(like(orderSearch.phoneDigits, `%${digits}%`));
  // A subquery rather than a join: the condition stays one the list and the board add to their own.
  return sql`${orders.id} in (select ${orderSearch.orderId} from ${orderSearch} where ${or(...matches)})`;
}

/**
 * Runs a search's reads with plans made for the text typed (`plan_cache_mode =
 * force_custom_plan`, for this transaction only). Statements are prepared once per connection
 * (db/prepared-by-default.ts), and after five runs Postgres may keep a generic plan, costed
 * without the text: one that reads the list in its own order and filters every order, cheap only
 * when many match. At 100,000 orders a phone number took 0.5 s that way against 1 ms through the
 * index (ADR 0148). Planning afresh costs about a millisecond.
 *
 * The matches found in order_search are then fetched from `orders` one by one through its primary
 * key; at the default `random_page_cost` (4, priced for disks that seek) the planner preferred
 * reading all of `orders` to counting a SKU in 8,744 orders (0.19 s against 0.07 s), though both
 * tables are read from memory. 1.1, for this transaction only, prices those reads as they are.
 * Both settings go in one statement: one round trip.
 */
export function withSearchPlans<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inOwnTransaction(db, async (tx) => {
    await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('random_page_cost', '1.1', true)`);
    return work(tx);
  });
}

/**
 * `read` on `db`, planned for the text in `withSearchPlans` when there is one to search for;
 * without one the plans are the same for every read. The order list, the board and the API's
 * listing all read this way.
 */
export function readSearching<T>(db: DbOrTx, search: string | undefined, read: (client: DbOrTx) => Promise<T>): Promise<T> {
  return search ? withSearchPlans(db, read) : read(db);
}
