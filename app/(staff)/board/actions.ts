"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { applyChange, singleChangeSchema } from "@/lib/status-change-input";

/** A card dropped on a column: the one transition service decides. */
export const moveCardAction = serverAction({
  role: "staff",
  schema: singleChangeSchema,
  handler: async (input, user) => {
    const result = await applyChange(await getDb(), input, actorOf(user));
    // Refused or not, the board re-reads: after a conflict the card must show its real place.
    revalidatePath("/board");
    return result;
  },
  revalidate: (change) => revalidatePath(`/orders/${change.number}`),
  message: (change, _input, t) => t("board.moved", { number: change.number, queued: change.notificationsQueued }),
});
