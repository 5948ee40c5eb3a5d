"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db";
import { requestPasswordReset } from "@/lib/accounts/passwords";
import { emailSchema } from "@/lib/accounts/rules";
import { serverAction } from "@/lib/auth";
import { clientAddressOf } from "@/lib/client-address";

/** "Forgot password": one answer for every address, throttled per address and per client. */
export const forgotPasswordAction = serverAction({
  role: "public",
  schema: z.object({ email: emailSchema }),
  handler: async ({ email }) => requestPasswordReset(await getDb(), { email, address: clientAddressOf(await headers()) }),
});
