"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { transitionOrderByNumber } from "@/lib/orders";
import { ok } from "@/lib/result";

/** One scanned label: the order moves through the transition service, or is refused with why. */
export const scanAction = serverAction({
  role: "scan",
  schema: z.object({
    number: z.string().trim().min(1, "required").max(64, "tooLong"),
    to: z.number().int().positive(),
    notifyEmail: z.boolean(),
    notifySms: z.boolean(),
  }),
  handler: async (input, user) => {
    const result = await transitionOrderByNumber(await getDb(), {
      number: input.number,
      to: { id: input.to },
      actor: actorOf(user),
      notify: { email: input.notifyEmail, sms: input.notifySms },
    });
    return result.ok ? ok({ number: result.value.order.number }) : result;
  },
  revalidate: () => {
    revalidatePath("/board");
    revalidatePath("/orders");
  },
  message: ({ number }, _input, t) => t("scan.moved", { number }),
});
