import "server-only";
import type { z } from "zod";
import type { UserRole } from "@/db/schema";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { getCurrentUser, hasRole, type SessionUser } from "./session";

/**
 * Wraps a server action: checks the session and role itself (hidden buttons protect nothing),
 * parses the input with zod and hands the handler typed data and the user. Refusals come back
 * as results with every field error, never as thrown errors.
 */
export function authedAction<S extends z.ZodType, T>(
  options: { role: UserRole; schema: S },
  handler: (input: z.infer<S>, user: SessionUser) => Promise<Result<T>>,
) {
  return async (raw: unknown): Promise<Result<T>> => {
    const user = await getCurrentUser();
    if (!user) return refuse("unauthorized", "Your session has ended. Please sign in again.");
    if (!hasRole(user, options.role)) {
      return refuse("forbidden", "You do not have permission to do this.");
    }
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return validationFailed(parsed.error.issues);
    return handler(parsed.data, user);
  };
}
