import { z } from "zod";
import { hasNulCharacter } from "@/lib/nul-characters";

/**
 * Numbers read from a URL (a dynamic segment or a search parameter) before they reach a query.
 * Ids live in Postgres `integer` columns: a number past 2,147,483,647 fails the statement with a
 * 500 rather than matching nothing, so it is treated here like any other id that does not exist.
 */
export const MAX_INTEGER_ID = 2_147_483_647;

/** The id in a path segment such as `/admin/mailbox/[id]`, or undefined (the caller answers 404). */
export function idFromSegment(segment: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return undefined;
  const id = Number(segment);
  return id <= MAX_INTEGER_ID ? id : undefined;
}

/**
 * A word in a path segment such as `/orders/[number]`, or undefined (the caller answers 404).
 * Route handlers get segments decoded, so `%00` arrives as a NUL Postgres cannot take.
 */
export function textFromSegment(segment: string): string | undefined {
  return hasNulCharacter(segment) ? undefined : segment;
}

/** An id in a search parameter (`?status=12`); anything else drops the filter, as a word there does. */
export const idSearchParam = z.coerce.number().int().min(1).max(MAX_INTEGER_ID).optional().catch(undefined);

/** A page number; anything else is the first page. Bounded so the offset stays a number Postgres takes. */
export const pageSearchParam = z.coerce.number().int().min(1).max(MAX_INTEGER_ID).catch(1);

/**
 * A word in a search parameter (`?q=…`, `?channel=…`), trimmed and bounded. Text holding a NUL
 * (`%00`) drops the filter like any other unreadable value: Postgres cannot take it as a query
 * parameter and would fail the page with a 500 (lib/nul-characters.ts).
 */
function searchText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .refine((value) => !hasNulCharacter(value))
    .optional()
    .catch(undefined);
}

export const textSearchParam = searchText(100);

/** The longest text the order search takes: longer than any number, email or SKU a person would type. */
export const ORDER_SEARCH_MAX_LENGTH = 100;

/** The order search's text (`?q=` on the order list and the board), as long as the API's `q` takes. */
export const orderSearchParam = searchText(ORDER_SEARCH_MAX_LENGTH);

/** Room for a whole email address or subject, as the mailbox searches. */
export const longTextSearchParam = searchText(200);
