import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { documents, orders, type Order, type StatusGroupKind } from "@/db/schema";
import { orderKindsOf } from "@/lib/orders/order-kinds";

/** Why a return or complaint cannot take its correction invoice now. */
export type CorrectionBlock = "rejected" | "no_invoice";

export type CorrectionBasis =
  | { ok: true; sale: Order; invoice: { id: number; number: string; createdAt: Date; content: Record<string, unknown> | null } }
  | { ok: false; reason: CorrectionBlock };

/**
 * What a return's or complaint's correction invoice would correct (its sale and the sale's
 * invoice, the latest as there is one), or why it cannot have one now: rejected or cancelled (its
 * status in the not-completed group), or its sale has no invoice. The one place this is decided
 * (ADR 0164): issuing asks it under the request's row lock, the order page before anyone tries.
 * `statusKind`, when the caller has read it already, spares the lookup.
 */
export async function correctionBasis(
  db: DbOrTx,
  afterSales: Pick<Order, "number" | "orderTypeId" | "statusId" | "parentOrderId">,
  statusKind?: StatusGroupKind,
): Promise<CorrectionBasis> {
  const kind = statusKind ?? (await orderKindsOf(db, afterSales)).statusKind;
  if (kind === "not_completed") return { ok: false, reason: "rejected" };
  if (afterSales.parentOrderId === null) return { ok: false, reason: "no_invoice" };
  const [row] = await db
    .select({ sale: orders, invoice: { id: documents.id, number: documents.number, createdAt: documents.createdAt, content: documents.content } })
    .from(orders)
    .innerJoin(documents, and(eq(documents.orderId, orders.id), eq(documents.kind, "invoice")))
    .where(eq(orders.id, afterSales.parentOrderId))
    .orderBy(desc(documents.id))
    .limit(1);
  return row ? { ok: true, ...row } : { ok: false, reason: "no_invoice" };
}
