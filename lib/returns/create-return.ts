import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { orders, orderTypes, statusGroups, statuses, type Order, type OrderItem } from "@/db/schema";
import { actorSchema, createOrder } from "@/lib/orders";
import { selectOrderForUpdate } from "@/lib/orders/fast-path";
import { orderKindsOf } from "@/lib/orders/order-kinds";
import { ORDER_LIMITS } from "@/lib/orders/limits";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { afterSalesEligibility, type AfterSalesKind } from "./eligibility";
import { returnableLines } from "./quantities";
import { DESCRIPTION_MAX, RETURN_REASONS } from "./reasons";

/*
 * Field errors are keys of the catalogue's `returns.errors` (the form words them); the refusal's
 * `details.reason` tells a screen why the order takes no request at all.
 */
export const createReturnInputSchema = z
  .object({
    /** The sale, by id (staff) or by its tracking token (the customer, who knows nothing else). */
    parent: z.union([z.object({ id: z.number().int().positive() }), z.object({ trackingToken: z.string().min(1).max(200) })]),
    kind: z.enum(["return", "complaint"]),
    items: z
      .array(z.object({ sku: z.string().min(1, "unknownItem").max(ORDER_LIMITS.sku, "unknownItem"), quantity: z.number("quantity").int("quantity").positive("quantity") }))
      .min(1, "noItems")
      .max(ORDER_LIMITS.itemsPerOrder, "noItems"),
    reason: z.enum(RETURN_REASONS, "reason").nullable().default(null),
    description: z
      .string()
      .trim()
      .max(DESCRIPTION_MAX, "descriptionTooLong")
      .transform((v) => v || null)
      .nullable()
      .default(null),
    actor: actorSchema,
  })
  .superRefine((input, ctx) => {
    if (input.kind === "return" && !input.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reason" });
    if (input.kind === "complaint" && !input.description) ctx.addIssue({ code: "custom", path: ["description"], message: "description" });
  });

export type CreateReturnInput = z.input<typeof createReturnInputSchema>;

/** Why an order takes no return or complaint (`details.reason` of the refusal). */
export type ReturnRefusalReason = "not_a_sale" | "not_completed" | "window_closed" | "no_process";

/** The sale's row, locked, so two requests at once cannot both take the last items. */
async function lockParent(tx: Tx, parent: { id: number } | { trackingToken: string }): Promise<Order | undefined> {
  if ("id" in parent) return (await selectOrderForUpdate.byId(tx, { order: parent.id }))[0];
  return (await tx.select().from(orders).where(eq(orders.trackingToken, parent.trackingToken)).for("update"))[0];
}

/** The items of the sale's earlier requests of this kind that still hold them: all but the rejected. */
export async function heldItems(db: DbOrTx, parentOrderId: number, kind: AfterSalesKind): Promise<OrderItem[][]> {
  const rows = await db
    .select({ items: orders.items })
    .from(orders)
    .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(and(eq(orders.parentOrderId, parentOrderId), eq(orderTypes.kind, kind), ne(statusGroups.kind, "not_completed")));
  return rows.map((r) => r.items);
}

/** The order type a new request of this kind gets: the first of its kind. */
async function processFor(tx: Tx, kind: AfterSalesKind) {
  const [type] = await tx.select({ code: orderTypes.code }).from(orderTypes).where(eq(orderTypes.kind, kind)).orderBy(asc(orderTypes.position), asc(orderTypes.id)).limit(1);
  return type;
}

/**
 * Starts a return or complaint of a sale (ADR 0161): checks the sale may take one now and that
 * the picked quantities are still there, then creates it as an order of the return (complaint)
 * type, linked to the sale, through `createOrder`: history, messages, webhooks, automations and
 * the board come from the one engine. The items keep the sale's names, prices and VAT rates.
 */
export async function createReturn(db: DbOrTx, raw: CreateReturnInput, now = new Date()): Promise<Result<Order>> {
  const parsed = createReturnInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  return inTransaction(db, async (tx): Promise<Result<Order>> => {
    const parent = await lockParent(tx, input.parent);
    if (!parent) return refuse("not_found", "There is no such order.");
    const kinds = await orderKindsOf(tx, parent);
    const settings = await getSettings(tx);
    const eligibility = afterSalesEligibility(input.kind, { ...kinds, statusChangedAt: parent.statusChangedAt, returnWindowDays: settings.returnWindowDays, now });
    if (!eligibility.eligible) return refusal(parent, eligibility.reason);
    const type = await processFor(tx, input.kind);
    if (!type) return refusal(parent, "no_process");

    const lines = new Map(returnableLines(parent.items, await heldItems(tx, parent.id, input.kind)).map((l) => [l.sku, l] as const));
    const fieldErrors: Record<string, string[]> = {};
    const picked = new Map<string, number>();
    for (const item of input.items) picked.set(item.sku, (picked.get(item.sku) ?? 0) + item.quantity);
    for (const [sku, quantity] of picked) {
      const line = lines.get(sku);
      if (!line || quantity > line.left) fieldErrors[`items.${sku}`] = [line ? "tooMany" : "unknownItem"];
    }
    if (Object.keys(fieldErrors).length > 0) {
      return refuse("validation_failed", `Order ${parent.number} does not have those items left to ${input.kind === "return" ? "return" : "complain about"}.`, { fieldErrors });
    }

    const items = [...picked].map(([sku, quantity]) => {
      const sold = parent.items.find((i) => i.sku === sku)!;
      return { sku, name: sold.name, quantity, unitPrice: sold.unitPrice, vatRate: sold.vatRate };
    });
    return createOrder(
      tx,
      {
        orderTypeCode: type.code,
        channel: parent.channel,
        customer: { name: parent.customerName, email: parent.customerEmail ?? undefined, phone: parent.customerPhone ?? undefined },
        locale: parent.locale === "en" ? "en" : "pl",
        currency: parent.currency,
        items,
        paymentMethod: parent.paymentMethod,
        shippingAddress: parent.shippingAddress ?? undefined,
        actor: input.actor,
      },
      { parentOrderId: parent.id, returnRequest: { reason: input.reason, description: input.description } },
    );
  });
}

function refusal(parent: Order, reason: ReturnRefusalReason) {
  return refuse("validation_failed", `Order ${parent.number} takes no return or complaint now (${reason}).`, { details: { reason } });
}
