"use server";

import { recordRefund, REFUND_METHODS } from "@/lib/returns";
import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { documentKind, orders } from "@/db/schema";
import { actorOf, serverAction } from "@/lib/auth";
import { issueDocumentWithOutcome, queueDocumentEmail } from "@/lib/documents";
import { tooLong } from "@/components/orders/field-errors";
import { checkbox } from "@/lib/form-data";
import { editOrder, ORDER_LIMITS, recordPayment, setTracking } from "@/lib/orders";
import { addOrderNote } from "@/lib/orders/notes";
import { ok, type Result } from "@/lib/result";
import { applyChange } from "@/lib/status-change-input";

function revalidateOrder(number: string) {
  revalidatePath(`/orders/${number}`);
  revalidatePath("/orders");
  revalidatePath("/board");
}

/**
 * The order page's forms show each field's error in the reader's language: the schemas here give
 * catalogue keys (`order.errors`), which the forms word; the domain checks the same again.
 */
const amountInput = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s\u00a0]/g, "").replace(",", "."))
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, "amountFormat"))
  .transform((s) => Math.round(Number(s) * 100))
  .pipe(z.number().int().positive("amountPositive"));

/** A stale page is the cause of a conflict: show the person the order as it is now. */
function refreshOnConflict<T>(result: Result<T>): Result<T> {
  if (!result.ok && result.error.code === "version_conflict") refresh();
  return result;
}

export const changeStatusAction = serverAction({
  role: "staff",
  schema: z.object({
    orderId: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive(),
    expectedVersion: z.coerce.number().int().positive(),
    comment: z.string().trim().max(ORDER_LIMITS.comment, tooLong(ORDER_LIMITS.comment)).optional(),
    customerVisible: checkbox,
    notifyEmail: checkbox,
    notifySms: checkbox,
  }),
  handler: async (input, user) => refreshOnConflict(await applyChange(await getDb(), input, actorOf(user))),
  revalidate: (change) => revalidateOrder(change.number),
  message: (change, _, t) =>
    change.notificationsQueued
      ? t("order.change.changedQueued", { number: change.number, count: change.notificationsQueued })
      : t("order.change.changed", { number: change.number }),
});

export const recordPaymentAction = serverAction({
  role: "staff",
  schema: z.object({
    orderId: z.coerce.number().int().positive(),
    amount: amountInput,
    reference: z.string().trim().max(ORDER_LIMITS.paymentReference, tooLong(ORDER_LIMITS.paymentReference)).optional(),
  }),
  handler: async (input, user) => {
    const result = await recordPayment(await getDb(), {
      orderId: input.orderId,
      amount: input.amount,
      reference: input.reference || undefined,
      actor: actorOf(user),
    });
    return result.ok ? ok({ number: result.value.order.number, paid: result.value.order.paidAt !== null }) : result;
  },
  revalidate: ({ number }) => revalidateOrder(number),
  message: ({ paid }, _, t) => (paid ? t("order.payment.recordedPaid") : t("order.payment.recorded")),
});

export const recordRefundAction = serverAction({
  role: "staff",
  schema: z.object({
    orderId: z.coerce.number().int().positive(),
    amount: amountInput,
    method: z.enum(REFUND_METHODS),
    reference: z.string().trim().max(ORDER_LIMITS.paymentReference, tooLong(ORDER_LIMITS.paymentReference)).optional(),
  }),
  handler: async (input, user) => {
    const result = await recordRefund(await getDb(), { ...input, reference: input.reference || null, actor: actorOf(user) });
    return result.ok ? ok({ number: result.value.order.number }) : result;
  },
  revalidate: ({ number }) => revalidateOrder(number),
  message: (_r, _i, t) => t("order.refund.recorded"),
});

export const setTrackingAction = serverAction({
  role: "staff",
  schema: z.object({
    orderId: z.coerce.number().int().positive(),
    expectedVersion: z.coerce.number().int().positive(),
    courier: z.string().trim().max(ORDER_LIMITS.courier, tooLong(ORDER_LIMITS.courier)).regex(/^[a-z0-9_]*$/, "courierKey").default(""),
    trackingNumber: z
      .string()
      .trim()
      .max(ORDER_LIMITS.trackingNumber, tooLong(ORDER_LIMITS.trackingNumber))
      .regex(/^[A-Za-z0-9-]*$/, "trackingChars")
      .default(""),
  }),
  handler: async (input, user) => {
    const result = refreshOnConflict(await setTracking(await getDb(), { ...input, actor: actorOf(user) }));
    return result.ok ? ok({ number: result.value.order.number, changed: Boolean(result.value.event) }) : result;
  },
  revalidate: ({ number }) => revalidateOrder(number),
  message: ({ changed }, _, t) => (changed ? t("order.shipping.saved") : t("order.shipping.unchanged")),
});

/** A text field of the edit form: the rules are the edit's own (lib/orders/edit.ts), which answers by field. */
const formText = z.string().default("");

/**
 * The customer and shipping address from the order page, through `editOrder` like the API's
 * edits: only while the order's status allows editing. Empty email or phone clears it; an
 * address left wholly empty is no address.
 */
export const editCustomerAction = serverAction({
  role: "staff",
  schema: z.object({
    orderId: z.coerce.number().int().positive(),
    expectedVersion: z.coerce.number().int().positive(),
    name: formText,
    email: formText,
    phone: formText,
    addressName: formText,
    street: formText,
    postalCode: formText,
    city: formText,
    country: formText,
  }),
  handler: async (input, user) => {
    const address = { name: input.addressName, street: input.street, postalCode: input.postalCode, city: input.city, country: input.country };
    const result = refreshOnConflict(
      await editOrder(await getDb(), {
        orderId: input.orderId,
        expectedVersion: input.expectedVersion,
        actor: actorOf(user),
        customer: { name: input.name, email: input.email.trim() || null, phone: input.phone.trim() || null },
        shippingAddress: Object.values(address).every((v) => v.trim() === "") ? null : address,
      }),
    );
    return result.ok ? ok({ number: result.value.order.number, changed: Boolean(result.value.event) }) : result;
  },
  revalidate: ({ number }) => revalidateOrder(number),
  message: ({ changed }, _, t) => (changed ? t("order.edit.saved") : t("order.shipping.unchanged")),
});

export const issueDocumentAction = serverAction({
  role: "staff",
  schema: z.object({ orderId: z.coerce.number().int().positive(), kind: z.enum(documentKind.enumValues) }),
  // The reply names the document; its PDF (megabytes for a long order) stays on the server.
  handler: async (input, user) => {
    const result = await issueDocumentWithOutcome(await getDb(), { ...input, actor: actorOf(user) });
    return result.ok ? ok({ number: result.value.document.number, created: result.value.created }) : result;
  },
  revalidate: (_, { orderId }) => revalidateDocuments(orderId),
  message: ({ number, created }, _, t) => (created ? t("order.documents.issued", { number }) : t("order.documents.alreadyExists", { number })),
});

export const emailDocumentAction = serverAction({
  role: "staff",
  schema: z.object({ orderId: z.coerce.number().int().positive(), documentId: z.coerce.number().int().positive() }),
  handler: async (input, user) => queueDocumentEmail(await getDb(), { ...input, actor: actorOf(user) }),
  revalidate: (_, { orderId }) => revalidateDocuments(orderId),
  message: (_value, _input, t) => t("order.documents.emailQueued"),
});

/** A note without a status change: internal, or for the customer and then, if asked, emailed. */
export const addNoteAction = serverAction({
  role: "staff",
  schema: z
    .object({
      orderId: z.coerce.number().int().positive(),
      text: z.string().trim().min(1, "required").max(ORDER_LIMITS.comment, tooLong(ORDER_LIMITS.comment)),
      customerVisible: checkbox,
      emailCustomer: checkbox,
    })
    .refine((input) => input.customerVisible || !input.emailCustomer, { path: ["emailCustomer"], message: "notVisible" }),
  handler: async (input, user) => {
    const result = await addOrderNote(await getDb(), { ...input, actor: actorOf(user) });
    return result.ok ? ok({ number: result.value.number, emailQueued: result.value.emailQueued }) : result;
  },
  revalidate: ({ number }) => revalidatePath(`/orders/${number}`),
  message: ({ number, emailQueued }, _, t) => (emailQueued ? t("notes.addedEmailed", { number }) : t("notes.added", { number })),
});

/** The order page shows documents and history; its number comes from the database, not the client. */
async function revalidateDocuments(orderId: number) {
  const db: Db = await getDb();
  const [row] = await db.select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
  if (row) revalidatePath(`/orders/${row.number}`);
}
