"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { serverAction, signIn, SignInThrottled } from "@/lib/auth";
import { ok, refuse } from "@/lib/result";

/** "in 1 minute", "in 14 minutes": a throttled sign-in says when the next try can work. */
function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export const signInAction = serverAction({
  role: "public",
  schema: z.object({
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    password: z.string().min(1, "Enter your password"),
  }),
  handler: async (input) => {
    try {
      await signIn("credentials", { ...input, redirectTo: "/orders" });
      return ok(null);
    } catch (error) {
      if (error instanceof SignInThrottled) {
        return refuse("unauthorized", tryAgainIn(error.retryAfterSeconds), { details: { retryAfterSeconds: error.retryAfterSeconds } });
      }
      // One message for a wrong email and a wrong password: no hint which accounts exist.
      if (error instanceof AuthError) return refuse("unauthorized", "Wrong email or password.");
      throw error; // the redirect after a successful sign-in travels as an exception
    }
  },
});
