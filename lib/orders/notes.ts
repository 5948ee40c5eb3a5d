import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { orderEvents, orders, statuses, type OrderEvent } from "@/db/schema";
import { insertMessage } from "@/lib/notifications/enqueue";
import { snapshotVariables } from "@/lib/notifications/variables";
import { getMessageSettings } from "@/lib/settings";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { actorSchema } from "./actor";
import { atMost, ORDER_LIMITS } from "./limits";
import { lockOrderForChange } from "./lock-order";

export const addNoteInputSchema = z
  .object({
    orderId: z.number().int().positive(),
    text: z.string().trim().min(1, "Write the note").max(ORDER_LIMITS.comment, atMost(ORDER_LIMITS.comment)),
    customerVisible: z.boolean().default(false),
    /** Only with `customerVisible`: an internal note never leaves the shop. */
    emailCustomer: z.boolean().default(false),
    actor: actorSchema,
  })
  .superRefine((input, ctx) => {
    if (input.emailCustomer && !input.customerVisible) {
      ctx.addIssue({ code: "custom", path: ["emailCustomer"], message: "Only a note the customer may see can be emailed" });
    }
  });

export type AddNoteInput = z.input<typeof addNoteInputSchema>;

/** The outbox payload of a note's email: the worker words it with the built-in note template. */
export type NoteEmailPayload = {
  template: { channel: "email"; audience: "customer"; note: true };
  locale: string;
  variables: Record<string, string>;
};

export type AddNoteOutcome = { event: OrderEvent; number: string; emailQueued: boolean };

/**
 * A note on an order without a status change: a `comment` event in its history, internal or
 * visible to the customer (then on the tracking page too), and, when asked, an email to the
 * customer with the note, in the order's language and the shop's layout. The order's row is
 * locked so the note lands in the history in order with concurrent changes; the event and its
 * email commit together or not at all. The order's version stays (a note changes nothing a
 * screen could be stale about), but `updated_at` moves, so the cached tracking page shows it.
 */
export async function addOrderNote(db: DbOrTx, raw: AddNoteInput): Promise<Result<AddNoteOutcome>> {
  const parsed = addNoteInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;
  return inTransaction(db, async (tx): Promise<Result<AddNoteOutcome>> => {
    const locked = await lockOrderForChange(tx, { id: input.orderId });
    if (!locked.ok) return locked;
    const order = locked.value;
    if (input.emailCustomer && !order.customerEmail) {
      return refuse("validation_failed", `Order ${order.number} has no customer email address.`, {
        fieldErrors: { emailCustomer: ["The customer has no email address"] },
      });
    }
    const now = new Date();
    const [event] = await tx
      .insert(orderEvents)
      .values({
        orderId: order.id,
        type: "comment",
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorLabel: input.actor.label,
        comment: input.text,
        customerVisible: input.customerVisible,
        data: { note: true },
        createdAt: now,
      })
      .returning();
    if (!event) throw new Error("note event was not written");
    await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, order.id));

    if (!input.emailCustomer || !order.customerEmail) return ok({ event, number: order.number, emailQueued: false });
    const [[status], settings] = await Promise.all([tx.select().from(statuses).where(eq(statuses.id, order.statusId)), getMessageSettings(tx)]);
    if (!status) throw new Error(`status ${order.statusId} of order ${order.number} is missing`);
    const payload: NoteEmailPayload = {
      template: { channel: "email", audience: "customer", note: true },
      locale: order.locale,
      variables: snapshotVariables({ order, status, settings, comment: input.text }),
    };
    const queued = await insertMessage(tx, {
      kind: "email",
      orderId: order.id,
      eventId: event.id,
      recipient: order.customerEmail,
      payload,
      // The note's own event makes the key, as a status change's does: one email per note.
      idempotencyKey: `event:${event.id}:email:customer:${order.customerEmail}`,
      state: "pending",
      lastError: null,
      template: JSON.stringify(payload.template),
      // A note is not undone and never repeats another: it goes at once.
      holdSeconds: 0,
      duplicateWindowHours: 0,
    });
    return ok({ event, number: order.number, emailQueued: queued.length > 0 });
  });
}
