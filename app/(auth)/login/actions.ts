"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { fieldErrorsOf, type FieldErrors } from "@/lib/result";

export type LoginState = { error?: string; fieldErrors?: FieldErrors; email?: string };

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const parsed = loginSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/orders" });
    return {};
  } catch (error) {
    // One message for a wrong email and a wrong password: no hint which accounts exist.
    if (error instanceof AuthError) return { error: "Wrong email or password.", email };
    throw error; // the redirect after a successful sign-in travels as an exception
  }
}
