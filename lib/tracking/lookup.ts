import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { orders } from "@/db/schema";

export const lookupSchema = z.object({
  number: z.string().trim().min(1).max(64),
  email: z.string().trim().toLowerCase().email().max(200),
});

/**
 * The tracking token of the order with this number and email, or undefined. Callers give the
 * same answer for every miss: whether the number or the email was wrong is not the visitor's to know.
 */
export async function findTrackingToken(db: DbOrTx, input: z.infer<typeof lookupSchema>): Promise<{ token: string; locale: string } | undefined> {
  const [row] = await db
    .select({ token: orders.trackingToken, locale: orders.locale })
    .from(orders)
    .where(and(sql`upper(${orders.number}) = upper(${input.number})`, eq(sql`lower(${orders.customerEmail})`, input.email)));
  return row;
}
