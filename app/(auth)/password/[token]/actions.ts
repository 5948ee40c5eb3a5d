"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { setPasswordByToken } from "@/lib/accounts/passwords";
import { newPasswordPairSchema } from "@/lib/accounts/rules";
import { serverAction } from "@/lib/auth";

/** Anyone holding a valid one-time link sets the password of the account it names; the link is used up. */
export const setPasswordAction = serverAction({
  role: "public",
  schema: z.intersection(z.object({ token: z.string().max(100) }), newPasswordPairSchema),
  handler: async ({ token, password }) => setPasswordByToken(await getDb(), { token, password }),
});
