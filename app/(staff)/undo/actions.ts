"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, hasAccess, serverAction } from "@/lib/auth";
import { outcomeOf } from "@/lib/change-outcome";
import { undoStatusChange, undoStatusChanges } from "@/lib/orders/undo";
import { ok } from "@/lib/result";

const revalidateWork = () => {
  revalidatePath("/board");
  revalidatePath("/orders", "layout");
};

/** "Undo" after a change: the person who made it (or an admin) takes it back while its messages are held. */
export const undoChangeAction = serverAction({
  role: "staff",
  schema: z.object({ eventId: z.number().int().positive() }),
  handler: async ({ eventId }, user) => {
    const result = await undoStatusChange(await getDb(), { eventId, actor: actorOf(user), mayUndoOthers: hasAccess(user, "admin") });
    return result.ok ? ok({ number: result.value.order.number }) : result;
  },
  revalidate: revalidateWork,
  message: ({ number }, _input, t) => t("undo.done", { number }),
});

/** "Undo all" after a bulk change: each change on its own, reported per order. */
export const undoChangesAction = serverAction({
  role: "staff",
  schema: z.object({ eventIds: z.array(z.number().int().positive()).min(1).max(1_000) }),
  handler: async ({ eventIds }, user) => {
    const report = await undoStatusChanges(await getDb(), { eventIds, actor: actorOf(user), mayUndoOthers: hasAccess(user, "admin") });
    return ok(report.map(({ eventId, result }) => ({ eventId, undone: result.ok, refusal: result.ok ? undefined : result.error, outcome: outcomeOf(result) })));
  },
  revalidate: revalidateWork,
  message: (lines, _input, t) => t("undo.batchDone", { undone: lines.filter((l) => l.undone).length, total: lines.length }),
});
