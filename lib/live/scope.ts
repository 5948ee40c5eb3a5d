import type { OrderChange } from "./order-change";

/**
 * What a screen shows, for deciding whether a change concerns it: the board one order type's
 * columns; the order list the orders on its page, plus whatever its type and status filters
 * could let in. Left out: no limit on that account.
 */
export type LiveScope = {
  orderTypeIds?: readonly number[];
  statusIds?: readonly number[];
  orderIds?: readonly number[];
};

/** An order on the screen changed, or one changed into what the screen shows. */
export function concernsScreen(change: OrderChange, scope: LiveScope): boolean {
  if (scope.orderIds?.includes(change.orderId)) return true;
  if (scope.orderTypeIds && !scope.orderTypeIds.includes(change.orderTypeId)) return false;
  return !scope.statusIds || scope.statusIds.includes(change.statusId);
}

/** The stream of the changes of the screen's order types (GET /api/live). */
export function liveStreamUrl(scope: LiveScope): string {
  const query = new URLSearchParams((scope.orderTypeIds ?? []).map((id) => ["type", String(id)]));
  return query.size ? `/api/live?${query}` : "/api/live";
}
