"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, authedAction } from "@/lib/auth";
import { applyChange, singleChangeSchema, type ChangeReply } from "@/lib/status-change-input";

const move = authedAction({ role: "staff", schema: singleChangeSchema }, async (input, user) => {
  const result = await applyChange(await getDb(), input, actorOf(user));
  // Refused or not, the board re-reads: after a conflict the card must show its real place.
  revalidatePath("/board");
  if (result.ok) revalidatePath(`/orders/${result.value.order.number}`);
  return result;
});

/** A card dropped on a column: the one transition service decides. */
export async function moveCardAction(input: z.input<typeof singleChangeSchema>): Promise<ChangeReply> {
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
