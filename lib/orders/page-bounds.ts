/**
 * How much of one order a page or a message carries, whatever the order holds. Orders stored
 * before the API capped them (issue 14) may hold tens of thousands of items and events; a page
 * shows the first items with "and N more" and the history a page at a time, so its size stays
 * the same for an order of 3 items or of 20,000.
 */

/** Items listed on the order page, the tracking page and in emails; the rest are counted. */
export const ITEMS_SHOWN = 50;

/** History entries per page on the staff order page, newest first. */
export const HISTORY_PAGE_SIZE = 50;

/** Timeline entries per page on the customer's tracking page, newest first. */
export const TIMELINE_PAGE_SIZE = 20;

/** A page number from the URL (`?history=3`): a whole number from 1, anything else is page 1. */
export function pageFromQuery(raw: unknown): number {
  return typeof raw === "string" && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 1;
}

/** How many pages `total` entries fill, never fewer than one (an empty history is one page). */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
