import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { statuses, type Order, type OrderItem, type ShippingAddress } from "@/db/schema";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { actorSchema } from "./actor";
import { itemList, itemsTotal, orderParts } from "./create";
import type { EditedField, OrderEditedData } from "./edit-fields";
import { changeOrder, type OrderChange, type OrderChangeOutcome } from "./order-change";

/**
 * What an edit may change, with creation's rules (`orderParts`). Nested objects are strict: a
 * misspelt key ("postcode") is refused rather than dropped. `customer` changes only the fields it
 * names (null clears the email or phone); `shippingAddress` and `items` replace the whole value
 * (null clears the address). `total` without `items` sets the total; with `items` and no `total`
 * the total is the items' sum, as at creation.
 */
export const editOrderInputSchema = z.object({
  orderId: z.number().int().positive(),
  expectedVersion: z.number().int().positive().optional(),
  actor: actorSchema,
  customer: z
    .strictObject({
      name: orderParts.customer.name.optional(),
      email: orderParts.customer.email.nullable().optional(),
      phone: orderParts.customer.phone.nullable().optional(),
    })
    .refine((c) => Object.values(c).some((v) => v !== undefined), "Send name, email or phone (null clears email or phone)")
    .optional(),
  shippingAddress: z.strictObject(orderParts.shippingAddress).nullable().optional(),
  items: itemList(z.strictObject(orderParts.item)).optional(),
  total: orderParts.total.optional(),
});

export type EditOrderInput = z.input<typeof editOrderInputSchema>;

/** Stored items as the edit compares them: the five fields, whatever else an old row carries. */
function itemsOf(items: readonly OrderItem[]): OrderItem[] {
  return items.map(({ sku, name, quantity, unitPrice, vatRate }) => ({ sku, name, quantity, unitPrice, vatRate }));
}

type ParsedEdit = z.output<typeof editOrderInputSchema>;

/**
 * The edit as columns and history, against the locked order: only what differs is written and
 * recorded; `null` when nothing would change. A new total also decides anew whether the order is
 * paid (payments reach the total), since the payment gate reads that.
 */
function planEdit(order: Order, input: ParsedEdit, now: Date): OrderChange | null {
  const set: OrderChange["set"] = {};
  const changes: OrderEditedData["changes"] = {};
  const note = <K extends keyof OrderChange["set"]>(field: EditedField, column: K, before: Order[K], after: Order[K] | undefined) => {
    if (after === undefined || isDeepStrictEqual(before, after)) return;
    set[column] = after;
    changes[field] = { before, after };
  };
  note("customer.name", "customerName", order.customerName, input.customer?.name);
  note("customer.email", "customerEmail", order.customerEmail, input.customer?.email);
  note("customer.phone", "customerPhone", order.customerPhone, input.customer?.phone);
  note("shippingAddress", "shippingAddress", order.shippingAddress, input.shippingAddress as ShippingAddress | null | undefined);
  note("items", "items", itemsOf(order.items), input.items && itemsOf(input.items));
  const total = input.total ?? (input.items ? itemsTotal(input.items) : order.total);
  note("total", "total", order.total, total);
  if (set.total !== undefined) {
    const paidAt = order.paidAmount > 0 && order.paidAmount >= total ? (order.paidAt ?? now) : null;
    if ((paidAt === null) !== (order.paidAt === null)) {
      set.paidAt = paidAt;
      changes.paid = { before: order.paidAt !== null, after: paidAt !== null };
    }
  }
  if (Object.keys(changes).length === 0) return null;
  return { set, event: { type: "order_edited", data: { changes } satisfies OrderEditedData } };
}

/**
 * Edits an order's customer, shipping address, items or total while its status allows it (the
 * status's `allowsEditing` flag), through the same skeleton as payments and tracking: under the
 * row lock, with the version check, one `order_edited` history entry with each changed field
 * before and after, the version bumped and the `order.updated` webhook queued, in one
 * transaction. An edit that changes nothing writes nothing (and is not refused, so a retry of an
 * edit that went through is harmless); one that would change something in a status that does not
 * allow editing is refused with `editing_not_allowed`.
 */
export async function editOrder(db: DbOrTx, raw: EditOrderInput): Promise<Result<OrderChangeOutcome>> {
  const parsed = editOrderInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;
  if (input.customer === undefined && input.shippingAddress === undefined && input.items === undefined && input.total === undefined) {
    return refuse("validation_failed", "Send customer, shippingAddress, items or total.", {
      fieldErrors: { "": ["Send customer, shippingAddress, items or total"] },
    });
  }
  return changeOrder(db, input, async (order, now, tx) => {
    const change = planEdit(order, input, now);
    if (!change) return null;
    const [status] = await tx
      .select({ code: statuses.code, name: statuses.name, allowsEditing: statuses.allowsEditing })
      .from(statuses)
      .where(eq(statuses.id, order.statusId));
    if (!status) throw new Error(`order ${order.number}: its status is missing`);
    if (!status.allowsEditing) {
      return refuse("editing_not_allowed", `Order ${order.number} is in ${status.name}, which does not allow editing.`, {
        details: { orderStatus: { code: status.code, name: status.name } },
      });
    }
    return change;
  });
}
