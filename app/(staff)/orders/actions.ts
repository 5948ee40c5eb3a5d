"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { outcomeOf, type BulkLine } from "@/lib/change-outcome";
import { transitionOrders } from "@/lib/orders";
import { ok } from "@/lib/result";
import { applyChange, bulkChunkSchema, bulkInputOf, singleChangeSchema } from "@/lib/status-change-input";

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

/**
 * One chunk of a bulk change: each order through the transition service on its own, so a refusal
 * never stops or undoes the others. The browser calls this per chunk to show progress.
 */
export const bulkChangeAction = serverAction({
  role: "staff",
  schema: bulkChunkSchema,
  handler: async (input, user) => {
    const report = await transitionOrders(await getDb(), bulkInputOf(input, actorOf(user)));
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
