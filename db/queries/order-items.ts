import { sql } from "drizzle-orm";
import { orders } from "@/db/schema";
import { ITEMS_SHOWN } from "@/lib/orders/page-bounds";

/*
 * An order's items live in one jsonb array. Pages select these two instead of the column, so the
 * database cuts the list and only the first ITEMS_SHOWN items (and the count) leave it.
 */

/** The order's first ITEMS_SHOWN items, decoded like the `items` column. */
export function firstItems() {
  return sql`jsonb_path_query_array(${orders.items}, ${sql.raw(`'$[0 to ${ITEMS_SHOWN - 1}]'`)})`.mapWith(orders.items);
}

/** How many items the order holds. */
export function itemCount() {
  return sql<number>`jsonb_array_length(${orders.items})`.mapWith(Number);
}
