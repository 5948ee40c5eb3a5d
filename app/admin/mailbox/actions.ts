"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { authedAction } from "@/lib/auth";
import { retryDeadMessage } from "@/lib/notifications/worker";
import { refuse } from "@/lib/result";

const retry = authedAction({ role: "admin", schema: z.object({ id: z.coerce.number().int().positive() }) }, async ({ id }) => {
  if (!(await retryDeadMessage(await getDb(), id))) {
    return refuse("not_found", "Only a message that failed for good can be retried; this one is not dead.");
  }
  revalidatePath("/admin/mailbox");
  revalidatePath(`/admin/mailbox/${id}`);
  return { ok: true as const, value: id };
});

/**
 * The retry button: puts a dead message back in the queue. A refusal (someone retried it a moment
 * ago) needs no message: the refreshed page shows the message's real state.
 */
export async function retryMessageAction(formData: FormData): Promise<void> {
  await retry({ id: formData.get("id") });
}
