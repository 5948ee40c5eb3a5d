"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, authedAction } from "@/lib/auth";
import { transitionOrder } from "@/lib/orders";
import { changeDetailsSchema, type ChangeReply } from "@/lib/status-change-input";

const moveSchema = changeDetailsSchema.extend({
  orderId: z.number().int().positive(),
  to: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
});

const move = authedAction({ role: "staff", schema: moveSchema }, async (input, user) => {
  const result = await transitionOrder(await getDb(), {
    orderId: input.orderId,
    to: { id: input.to },
    actor: actorOf(user),
    expectedVersion: input.expectedVersion,
    comment: input.comment || undefined,
    customerVisible: input.customerVisible,
    notify: { email: input.notifyEmail, sms: input.notifySms },
  });
  // Refused or not, the board re-reads: after a conflict the card must show its real place.
  revalidatePath("/board");
  if (result.ok) revalidatePath(`/orders/${result.value.order.number}`);
  return result;
});

/** A card dropped on a column: the one transition service decides. */
export async function moveCardAction(input: z.input<typeof moveSchema>): Promise<ChangeReply> {
  const result = await move(input);
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  const { order, notificationsQueued } = result.value;
  return {
    ok: true,
    statusId: order.statusId,
    version: order.version,
    message: `Order ${order.number} moved.${notificationsQueued ? ` ${notificationsQueued} notification(s) queued.` : ""}`,
  };
}
