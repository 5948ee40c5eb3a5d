"use server";

import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { orders } from "@/db/schema";
import { toActionState, type ActionState } from "@/lib/action-state";
import { actorOf, authedAction } from "@/lib/auth";
import { issueDocumentWithOutcome, queueDocumentEmail } from "@/lib/documents";
import { checkbox, formObject, moneyInput } from "@/lib/form-data";
import { recordPayment, setTracking } from "@/lib/orders";
import { applyChange } from "@/lib/status-change-input";

function revalidateOrder(number: string) {
  revalidatePath(`/orders/${number}`);
  revalidatePath("/orders");
  revalidatePath("/board");
}

const changeStatus = authedAction(
  {
    role: "staff",
    schema: z.object({
      orderId: z.coerce.number().int().positive(),
      to: z.coerce.number().int().positive(),
      expectedVersion: z.coerce.number().int().positive(),
      comment: z.string().trim().max(5000, "Keep the comment under 5,000 characters").optional(),
      customerVisible: checkbox,
      notifyEmail: checkbox,
      notifySms: checkbox,
    }),
  },
  async (input, user) => {
    const result = await applyChange(await getDb(), input, actorOf(user));
    if (result.ok) revalidateOrder(result.value.order.number);
    // A stale page is the cause of a conflict: show the person the order as it is now.
    else if (result.error.code === "version_conflict") refresh();
    return result;
  },
);

export async function changeStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await changeStatus(formObject(formData));
  return toActionState(result, ({ order, notificationsQueued }) =>
    `Order ${order.number} changed.${notificationsQueued ? ` ${notificationsQueued} notification(s) queued.` : ""}`,
  );
}

const addPayment = authedAction(
  {
    role: "staff",
    schema: z.object({
      orderId: z.coerce.number().int().positive(),
      amount: moneyInput,
      reference: z.string().trim().max(200).optional(),
    }),
  },
  async (input, user) => {
    const result = await recordPayment(await getDb(), {
      orderId: input.orderId,
      amount: input.amount,
      reference: input.reference || undefined,
      actor: actorOf(user),
    });
    if (result.ok) revalidateOrder(result.value.order.number);
    return result;
  },
);

export async function recordPaymentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await addPayment(formObject(formData));
  return toActionState(result, ({ order }) => (order.paidAt ? "Payment recorded. The order is paid." : "Payment recorded."));
}

const saveTracking = authedAction(
  {
    role: "staff",
    schema: z.object({
      orderId: z.coerce.number().int().positive(),
      expectedVersion: z.coerce.number().int().positive(),
      courier: z.string().default(""),
      trackingNumber: z.string().default(""),
    }),
  },
  async (input, user) => {
    const result = await setTracking(await getDb(), { ...input, actor: actorOf(user) });
    if (result.ok) revalidateOrder(result.value.order.number);
    else if (result.error.code === "version_conflict") refresh();
    return result;
  },
);

export async function setTrackingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await saveTracking(formObject(formData));
  return toActionState(result, ({ event }) => (event ? "Tracking saved." : "Nothing changed."));
}

const issue = authedAction(
  {
    role: "staff",
    schema: z.object({ orderId: z.coerce.number().int().positive(), kind: z.enum(["proforma", "invoice"]) }),
  },
  async (input, user) => {
    const db = await getDb();
    const result = await issueDocumentWithOutcome(db, { ...input, actor: actorOf(user) });
    if (result.ok) await revalidateDocuments(db, input.orderId);
    return result;
  },
);

export async function issueDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await issue(formObject(formData));
  return toActionState(result, ({ document, created }) =>
    created ? `${document.number} issued.` : `${document.number} already exists for this order; nothing new was issued.`,
  );
}

const emailDocument = authedAction(
  {
    role: "staff",
    schema: z.object({ orderId: z.coerce.number().int().positive(), documentId: z.coerce.number().int().positive() }),
  },
  async (input, user) => {
    const db = await getDb();
    const result = await queueDocumentEmail(db, { ...input, actor: actorOf(user) });
    if (result.ok) await revalidateDocuments(db, input.orderId);
    return result;
  },
);

export async function emailDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await emailDocument(formObject(formData));
  return toActionState(result, () => "Email queued to the customer with the document attached.");
}

/** The order page shows documents and history; its number comes from the database, not the client. */
async function revalidateDocuments(db: Db, orderId: number) {
  const [row] = await db.select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
  if (row) revalidatePath(`/orders/${row.number}`);
}
