import type { z } from "zod";
import type { UserRole } from "@/db/schema";
import { findNulCharacters } from "@/lib/nul-characters";
import { isNumberOutOfRange, NUMBER_OUT_OF_RANGE_MESSAGE } from "@/lib/numbers-out-of-range";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { authorize, type SessionUser } from "./authorize";

/**
 * Builds the wrapper every server action goes through: it checks the session and role itself
 * (hidden buttons protect nothing), parses the input with zod and hands the handler typed data
 * and the user. Refusals come back as results with every field error, never as thrown errors,
 * also when the database refuses a number from the input as out of range.
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
      try {
        return await handler(parsed.data, allowed.value);
      } catch (error) {
        if (isNumberOutOfRange(error)) return refuse("validation_failed", NUMBER_OUT_OF_RANGE_MESSAGE);
        throw error;
      }
    };
  };
}
