"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, authedAction } from "@/lib/auth";
import { transitionOrders } from "@/lib/orders";
import { ok } from "@/lib/result";
import { applyChange, changeDetailsSchema, outcomeOf, singleChangeSchema, type ChangeOutcome, type ChangeReply } from "@/lib/status-change-input";

const inlineChange = authedAction({ role: "staff", schema: singleChangeSchema }, async (input, user) => {
  const result = await applyChange(await getDb(), input, actorOf(user));
  revalidatePath("/orders");
  if (result.ok) revalidatePath(`/orders/${result.value.order.number}`);
  return result;
});

/** The status menu on a list row. */
export async function inlineChangeAction(input: z.input<typeof singleChangeSchema>): Promise<ChangeReply> {
  const result = await inlineChange(input);
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  return { ok: true, statusId: result.value.order.statusId, version: result.value.order.version, message: `Order ${result.value.order.number} changed.` };
}

/** The browser sends a bulk change in chunks of at most this many orders, one request each. */
const MAX_CHUNK = 25;

const bulkSchema = changeDetailsSchema.extend({
  orders: z.array(z.object({ orderId: z.number().int().positive(), expectedVersion: z.number().int().positive() })).min(1).max(MAX_CHUNK),
  to: z.number().int().positive(),
});

export type BulkLine = { orderId: number; outcome: ChangeOutcome; message: string };

const bulkChange = authedAction({ role: "staff", schema: bulkSchema }, async (input, user) => {
  const report = await transitionOrders(await getDb(), {
    orders: input.orders,
    to: { id: input.to },
    actor: actorOf(user),
    comment: input.comment || undefined,
    customerVisible: input.customerVisible,
    notify: { email: input.notifyEmail, sms: input.notifySms },
  });
  return ok(
    report.map(({ orderId, result }): BulkLine => ({
      orderId,
      outcome: outcomeOf(result),
      message: result.ok ? "Changed" : result.error.message,
    })),
  );
});

/**
 * One chunk of a bulk change: each order through the transition service on its own, so a refusal
 * never stops or undoes the others. The browser calls this per chunk to show progress.
 */
export async function bulkChangeAction(input: z.input<typeof bulkSchema>): Promise<{ ok: true; lines: BulkLine[] } | { ok: false; message: string }> {
  const result = await bulkChange(input);
  if (!result.ok) return { ok: false, message: result.error.message };
  return { ok: true, lines: result.value };
}

/** Called once after the last chunk: re-render the list and the board once, not per chunk. */
const finishBulk = authedAction({ role: "staff", schema: z.object({}) }, async () => {
  revalidatePath("/orders");
  revalidatePath("/board");
  return ok(null);
});

export async function finishBulkChangeAction(): Promise<void> {
  await finishBulk({});
}
