"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { outcomeOf, type BulkLine } from "@/lib/change-outcome";
import { transitionOrders } from "@/lib/orders";
import { ok } from "@/lib/result";
import { applyChange, changeDetailsSchema, singleChangeSchema } from "@/lib/status-change-input";

/** The status menu on a list row. */
export const inlineChangeAction = serverAction({
  role: "staff",
  schema: singleChangeSchema,
  handler: async (input, user) => {
    const result = await applyChange(await getDb(), input, actorOf(user));
    // Refused or not, the list re-reads: after a conflict the row must show the order as it is.
    revalidatePath("/orders");
    return result;
  },
  revalidate: (change) => revalidatePath(`/orders/${change.number}`),
  message: (change, _input, t) => t("orders.inline.changed", { number: change.number }),
});

/** The browser sends a bulk change in chunks of at most this many orders, one request each. */
const MAX_CHUNK = 25;

/**
 * One chunk of a bulk change: each order through the transition service on its own, so a refusal
 * never stops or undoes the others. The browser calls this per chunk to show progress.
 */
export const bulkChangeAction = serverAction({
  role: "staff",
  schema: changeDetailsSchema.extend({
    orders: z.array(z.object({ orderId: z.number().int().positive(), expectedVersion: z.number().int().positive() })).min(1).max(MAX_CHUNK),
    to: z.number().int().positive(),
  }),
  handler: async (input, user) => {
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
        ...(result.ok ? {} : { refusal: result.error }),
        ...(result.ok && result.value.undoUntil ? { undo: { eventId: result.value.event.id, until: result.value.undoUntil.toISOString() } } : {}),
      })),
    );
  },
  message: (lines, _input, t) => t("orders.bulk.changedOf", { changed: lines.filter((l) => l.outcome === "changed").length, total: lines.length }),
});

/** Called once after the last chunk: re-render the list and the board once, not per chunk. */
export const finishBulkChangeAction = serverAction({
  role: "staff",
  schema: z.unknown(),
  handler: async () => ok(null),
  revalidate: () => {
    revalidatePath("/orders");
    revalidatePath("/board");
  },
});
