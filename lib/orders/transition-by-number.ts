import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { orders } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";
import { transitionOrder, type TransitionInput, type TransitionOutcome } from "./transition";

/**
 * For callers that know only the order number (a scanned label, an ERP): finds the order and
 * hands it to `transitionOrder`, which re-reads it under the row lock and checks every rule.
 */
export async function transitionOrderByNumber(
  db: Db,
  input: Omit<TransitionInput, "orderId"> & { number: string },
): Promise<Result<TransitionOutcome>> {
  const { number, ...rest } = input;
  const trimmed = number.trim();
  const [found] = trimmed
    ? await db.select({ id: orders.id }).from(orders).where(eq(orders.number, trimmed))
    : [];
  if (!found) return refuse("not_found", `There is no order ${trimmed || "without a number"}.`);
  return transitionOrder(db, { ...rest, orderId: found.id });
}
