import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { orders } from "./orders";

/**
 * What the staff search looks in (db/queries/order-search.ts, ADR 0148), one row an order, kept
 * by Postgres: triggers of migration order_search write it when an order is created and when one
 * of the searched fields changes (number, customer's name, email and phone, tracking number,
 * items), and never otherwise. Its trigram index lives here rather than on `orders` so that a
 * status change, a payment or a version bump, the hottest writes, do not add to it.
 * Not written by the application: its columns are worked out from the order's own.
 */
export const orderSearch = pgTable(
  "order_search",
  {
    orderId: integer()
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    number: text().notNull(),
    customerName: text().notNull(),
    customerEmail: text(),
    /** The customer's phone as its digits alone, so one stored as typed ("+48 600 100 200") is found like a normalised one. */
    phoneDigits: text(),
    trackingNumber: text(),
    /** The items' SKUs, one a line (`order_item_skus`). */
    itemSkus: text(),
  },
  (t) => [
    // A part of any of these, in any case, through trigrams (pg_trgm): one index for all six, so
    // an order's change adds to one index rather than six.
    index("order_search_idx").using(
      "gin",
      t.number.op("gin_trgm_ops"),
      t.customerName.op("gin_trgm_ops"),
      t.customerEmail.op("gin_trgm_ops"),
      t.phoneDigits.op("gin_trgm_ops"),
      t.trackingNumber.op("gin_trgm_ops"),
      t.itemSkus.op("gin_trgm_ops"),
    ),
  ],
);
