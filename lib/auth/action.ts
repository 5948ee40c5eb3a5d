import type { z } from "zod";
import type { UserRole } from "@/db/schema";
import { findNulCharacters } from "@/lib/nul-characters";
import { validationFailed, type Result } from "@/lib/result";
import { authorize, type SessionUser } from "./authorize";

/**
 * Builds the wrapper every server action goes through: it checks the session and role itself
 * (hidden buttons protect nothing), parses the input with zod and hands the handler typed data
 * and the user. Refusals come back as results with every field error, never as thrown errors.
 * The user lookup is injected so the wrapper is testable without a request.
 */
export function createAuthedAction(getUser: () => Promise<SessionUser | undefined>) {
  return function authedAction<S extends z.ZodType, T>(
    options: { role: UserRole; schema: S },
    handler: (input: z.infer<S>, user: SessionUser) => Promise<Result<T>>,
  ) {
    return async (raw: unknown): Promise<Result<T>> => {
      const allowed = authorize(await getUser(), options.role);
      if (!allowed.ok) return allowed;
      const nul = findNulCharacters(raw);
      if (nul.length > 0) return validationFailed(nul);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) return validationFailed(parsed.error.issues);
      return handler(parsed.data, allowed.value);
    };
  };
}
