import { z } from "zod";

/** How long a one-time link works: an invitation a week, the first admin's link a day, a reset an hour. */
export const TOKEN_LIFETIME_MS = {
  invitation: 7 * 24 * 60 * 60_000,
  commandLine: 24 * 60 * 60_000,
  passwordReset: 60 * 60_000,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads at most 72 bytes; longer passphrases are allowed and count by their start. */
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 100;

/**
 * The reasons a field is refused, each the key of its words in the catalogue's `accounts.errors`:
 * screens word them in the reader's language (the server never sends English for a field).
 */
export const FIELD_PROBLEMS = [
  "email",
  "emailTaken",
  "name",
  "role",
  "passwordTooShort",
  "passwordTooLong",
  "passwordsDiffer",
  "currentPassword",
  "tooManyTries",
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

export const emailSchema = z.string().trim().toLowerCase().max(254, "email").email("email");
export const nameSchema = z.string().trim().min(1, "name").max(NAME_MAX_LENGTH, "name");
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "passwordTooLong");

/** A new password typed twice: both must match, each checked against the rules. */
export const newPasswordPairSchema = z
  .object({ password: newPasswordSchema, confirm: z.string().max(PASSWORD_MAX_LENGTH, "passwordTooLong") })
  .refine((v) => v.password === v.confirm, { message: "passwordsDiffer", path: ["confirm"] });
