"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { serverAction } from "@/lib/auth";
import { retryDeadMessage } from "@/lib/notifications/worker";
import { ok, refuse } from "@/lib/result";

/**
 * The retry button: puts a dead message back in the queue. A refusal (someone retried it a moment
 * ago) needs no message: the refreshed page shows the message's real state.
 */
export const retryMessageAction = serverAction({
  role: "admin",
  schema: z.object({ id: z.coerce.number().int().positive() }),
  handler: async ({ id }) =>
    (await retryDeadMessage(await getDb(), id))
      ? ok(id)
      : refuse("not_found", "Only a message that failed for good can be retried; this one is not dead."),
  revalidate: (id) => {
    revalidatePath("/admin/mailbox");
    revalidatePath(`/admin/mailbox/${id}`);
  },
  message: (_id, _input, t) => t("mailbox.requeued"),
});
