"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, authedAction } from "@/lib/auth";
import { transitionOrderByNumber } from "@/lib/orders";
import { outcomeOf, type ChangeOutcome } from "@/lib/status-change-input";

const scanSchema = z.object({
  number: z.string().trim().min(1, "Scan or type an order number").max(64),
  to: z.number().int().positive(),
  notifyEmail: z.boolean(),
  notifySms: z.boolean(),
});

const scan = authedAction({ role: "staff", schema: scanSchema }, async (input, user) => {
  const result = await transitionOrderByNumber(await getDb(), {
    number: input.number,
    to: { id: input.to },
    actor: actorOf(user),
    notify: { email: input.notifyEmail, sms: input.notifySms },
  });
  if (result.ok) {
    revalidatePath("/board");
    revalidatePath("/orders");
  }
  return result;
});

export type ScanReply = { outcome: ChangeOutcome | "invalid"; message: string };

/** One scanned label: the order moves through the transition service, or is refused with why. */
export async function scanAction(input: z.input<typeof scanSchema>): Promise<ScanReply> {
  const result = await scan(input);
  if (result.ok) return { outcome: "changed", message: `${result.value.order.number} moved.` };
  if (result.error.code === "validation_failed" || result.error.code === "unauthorized" || result.error.code === "forbidden") {
    return { outcome: "invalid", message: result.error.message };
  }
  return { outcome: outcomeOf(result), message: result.error.message };
}
