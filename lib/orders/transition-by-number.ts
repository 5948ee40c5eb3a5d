import { desc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";
import { transitionOrder, type ChangeWatch, type TransitionInput, type TransitionOutcome } from "./transition";

/**
 * For callers that know only the order number (a scanned label, an ERP): finds the order and
 * hands it to `transitionOrder`, which re-reads it under the row lock and checks every rule.
 * A number in another case ("ord-10294", a scanner with caps lock) finds the order too, as the
 * customer's lookup does; an exact match wins where two numbers differ only in case.
 */
export async function transitionOrderByNumber(
  db: DbOrTx,
  input: Omit<TransitionInput, "orderId"> & { number: string },
  watch: ChangeWatch = {},
): Promise<Result<TransitionOutcome>> {
  const { number, ...rest } = input;
  const trimmed = number.trim();
  const [found] = trimmed
    ? await db
        .select({ id: orders.id })
        .from(orders)
        .where(or(eq(orders.number, trimmed), sql`upper(${orders.number}) = upper(${trimmed})`))
        .orderBy(desc(eq(orders.number, trimmed)))
        .limit(1)
    : [];
  if (!found) return refuse("not_found", `There is no order ${trimmed || "without a number"}.`);
  return transitionOrder(db, { ...rest, orderId: found.id }, watch);
}
