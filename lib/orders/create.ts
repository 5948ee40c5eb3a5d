import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, orderTypes, statuses, type Order, type ReturnRequest } from "@/db/schema";
import { enqueueStatusNotifications } from "@/lib/notifications/enqueue";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { phoneSchema } from "@/lib/phone";
import { actorSchema } from "./actor";
import { afterOrderEvent } from "./transition";
import { atMost, ORDER_LIMITS } from "./limits";
import { newTrackingToken } from "./tracking-token";
import { inTransaction } from "@/db/transaction";

const L = ORDER_LIMITS;
const text = (max: number) => z.string().trim().max(max, atMost(max));

/**
 * The parts of an order that creation and editing (lib/orders/edit.ts) both take: one copy of each
 * rule. Shapes, so a caller can wrap them strict or loose; `itemList` holds the list's bounds.
 */
export const orderParts = {
  item: {
    sku: text(L.sku).min(1, "Enter the SKU"),
    name: text(L.itemName).min(1, "Enter the item's name"),
    quantity: z.number().int().positive(),
    unitPrice: z.number().int().nonnegative(),
    vatRate: z.number().min(0).max(100).default(23),
  },
  customer: {
    name: text(L.customerName).min(1, "Customer name is required"),
    email: text(L.email).toLowerCase().pipe(z.email("Enter a valid email address")),
    phone: phoneSchema(),
  },
  shippingAddress: {
    name: text(L.address.name),
    street: text(L.address.street),
    postalCode: text(L.address.postalCode),
    city: text(L.address.city),
    country: z.string().length(2).toUpperCase(),
  },
  /** Minor units. */
  total: z.number().int().nonnegative(),
};

export function itemList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .min(1, "An order needs at least one item")
    .max(L.itemsPerOrder, `An order holds at most ${L.itemsPerOrder.toLocaleString("en")} items`);
}

/** What the items come to: the order's total unless one is given. */
export function itemsTotal(items: readonly { quantity: number; unitPrice: number }[]): number {
  return items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);
}

export const createOrderInputSchema = z.object({
  number: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Use letters, digits, - and _ (up to 64)")
    .optional(),
  orderTypeCode: z.string().min(1),
  channel: text(L.channel).min(1, "Enter the sales channel"),
  customer: z.object({
    name: orderParts.customer.name,
    email: orderParts.customer.email.optional(),
    phone: orderParts.customer.phone.optional(),
  }),
  locale: z.enum(["pl", "en"]).default("pl"),
  currency: z.string().length(3).toUpperCase().default("PLN"),
  items: itemList(z.object(orderParts.item)),
  /** Minor units; defaults to the sum of the items. */
  total: orderParts.total.optional(),
  paymentMethod: text(L.paymentMethod).min(1, "Enter the payment method"),
  shippingMethod: text(L.shippingMethod).optional(),
  courier: text(L.courier).optional(),
  shippingAddress: z.object(orderParts.shippingAddress).optional(),
  actor: actorSchema,
});

export type CreateOrderInput = z.input<typeof createOrderInputSchema>;

/** What makes an order a return or complaint: its sale and the customer's request (lib/returns, ADR 0161). */
export type AfterSalesLink = { parentOrderId: number; returnRequest: ReturnRequest };

/**
 * Creates an order in its type's initial status, with its `created` event and notifications.
 * `link` is given only by lib/returns, which has checked it; no caller input reaches it.
 */
export async function createOrder(db: DbOrTx, raw: CreateOrderInput, link?: AfterSalesLink): Promise<Result<Order>> {
  const parsed = createOrderInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  return inTransaction(db, async (tx): Promise<Result<Order>> => {
    const [type] = await tx.select().from(orderTypes).where(eq(orderTypes.code, input.orderTypeCode));
    if (!type) {
      return refuse("validation_failed", `Order type "${input.orderTypeCode}" does not exist.`, {
        fieldErrors: { orderTypeCode: ["Unknown order type"] },
      });
    }
    const [initial] = await tx.select().from(statuses).where(eq(statuses.id, type.initialStatusId));
    if (!initial) throw new Error(`initial status of order type ${type.code} is missing`);

    if (input.number) {
      const [taken] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.number, input.number));
      if (taken) {
        return refuse("validation_failed", `Order number ${input.number} is already used.`, {
          fieldErrors: { number: ["Already used"] },
        });
      }
    }

    const total = input.total ?? itemsTotal(input.items);
    const now = new Date();
    const [order] = await tx
      .insert(orders)
      .values({
        number: input.number,
        orderTypeId: type.id,
        statusId: initial.id,
        statusChangedAt: now,
        channel: input.channel,
        customerName: input.customer.name,
        customerEmail: input.customer.email,
        customerPhone: input.customer.phone,
        locale: input.locale,
        currency: input.currency,
        total,
        paymentMethod: input.paymentMethod,
        shippingMethod: input.shippingMethod,
        courier: input.courier,
        trackingToken: newTrackingToken(),
        shippingAddress: input.shippingAddress,
        items: input.items,
        parentOrderId: link?.parentOrderId,
        returnRequest: link?.returnRequest,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!order) throw new Error("order was not written");

    const [event] = await tx
      .insert(orderEvents)
      .values({
        orderId: order.id,
        type: "created",
        toStatusId: initial.id,
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorLabel: input.actor.label,
        createdAt: now,
      })
      .returning();
    if (!event) throw new Error("created event was not written");

    await enqueueStatusNotifications(tx, {
      order,
      status: initial,
      settings: await getSettings(tx),
      eventId: event.id,
    });
    return { ok: true, value: await afterOrderEvent(tx, { order, event, depth: 0 }) };
  });
}
