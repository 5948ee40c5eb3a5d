import { eq, isNotNull, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { orders } from "@/db/schema";
import { orderSearchCondition } from "./order-search";

/** The filters the order list and the board share (the list's `search` is the board's `q`). */
export type OrderFilters = {
  channel?: string;
  courier?: string;
  paymentMethod?: string;
  paid?: "paid" | "unpaid";
  overdue?: boolean;
  /** Text to find in the number, customer, phone, tracking number or SKUs (order-search.ts). */
  search?: string;
};

/**
 * The shared filters as conditions on `orders`. "Overdue" compares with the SLA of the order's own
 * status, which the caller passes as SQL (a column it joins or a placeholder it binds).
 */
export function orderFilterConditions(filters: OrderFilters, slaHours: SQLWrapper): SQL[] {
  const conditions: SQL[] = [];
  if (filters.channel) conditions.push(eq(orders.channel, filters.channel));
  if (filters.courier) conditions.push(eq(orders.courier, filters.courier));
  if (filters.paymentMethod) conditions.push(eq(orders.paymentMethod, filters.paymentMethod));
  if (filters.paid === "paid") conditions.push(isNotNull(orders.paidAt));
  if (filters.paid === "unpaid") conditions.push(isNull(orders.paidAt));
  if (filters.overdue) conditions.push(sql`${orders.statusChangedAt} < now() - make_interval(hours => ${slaHours})`);
  if (filters.search) conditions.push(orderSearchCondition(filters.search));
  return conditions;
}
