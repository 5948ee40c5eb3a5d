"use server";

import { z } from "zod";
import { serverAction, signOut } from "@/lib/auth";
import { ok } from "@/lib/result";

/** Anyone may end their own session; the redirect to the sign-in page travels as an exception. */
export const signOutAction = serverAction({
  role: "public",
  schema: z.unknown(),
  handler: async () => {
    await signOut({ redirectTo: "/login" });
    return ok(null);
  },
});
