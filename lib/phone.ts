import { z } from "zod";

/**
 * Phone numbers as the shop and its systems type them: digits with an optional leading +, and
 * spaces, dashes and parentheses for readability. 9 digits at least (a Polish number without
 * its country code, still the common case), 15 at most (the longest an international number
 * can be, E.164).
 */
export const PHONE_DIGITS = { min: 9, max: 15 } as const;

const PHONE_SHAPE = /^\+?[0-9 ()-]+$/;

/** The number as digits with its leading + kept, or null when the text is not a phone number. */
export function normalisePhone(raw: string): string | null {
  const text = raw.trim();
  if (!PHONE_SHAPE.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < PHONE_DIGITS.min || digits.length > PHONE_DIGITS.max) return null;
  return (text.startsWith("+") ? "+" : "") + digits;
}

/** Poland's country code, which a number may be stored or typed with or without. */
const POLAND = "48";
const POLISH_NUMBER_DIGITS = 9;
/** Fewer digits have no trigram, so the search index could not narrow them down. */
const PHONE_SEARCH_MIN_DIGITS = 3;

/**
 * The digits to look for among stored phones (compared as their digits alone) when someone
 * searches for `text`, or null when the text is not (part of) a phone number. Spaces, dashes and
 * brackets are dropped; so is Poland's country code when the text starts with "+48" or "0048" or
 * is 48 and nine digits, because the same number may be stored with or without it: the rest is
 * in both spellings. Three digits at least.
 */
export function phoneDigitsToSearch(text: string): string | null {
  const typed = text.trim();
  if (!PHONE_SHAPE.test(typed)) return null;
  const digits = typed.replace(/\D/g, "");
  const withCountry =
    typed.startsWith(`+${POLAND}`) ||
    digits.startsWith(`00${POLAND}`) ||
    (digits.startsWith(POLAND) && digits.length === POLAND.length + POLISH_NUMBER_DIGITS);
  const wanted = withCountry ? digits.slice(digits.indexOf(POLAND) + POLAND.length) : digits;
  return wanted.length >= PHONE_SEARCH_MIN_DIGITS ? wanted : null;
}

const NOT_A_PHONE = `Enter a phone number: ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits, an optional leading +, spaces, dashes or brackets (e.g. +48 600 100 200)`;

/**
 * "A phone number" for every field a phone is typed in. `keepFormat` keeps the text as typed
 * (trimmed), for a number people read, such as the shop's own in emails; otherwise the number
 * is stored normalised, as an SMS provider takes it.
 */
export function phoneSchema({ keepFormat = false }: { keepFormat?: boolean } = {}) {
  return z
    .string()
    .trim()
    .max(40, NOT_A_PHONE)
    .regex(PHONE_SHAPE, NOT_A_PHONE)
    .transform((value, ctx) => {
      const normalised = normalisePhone(value);
      if (normalised) return keepFormat ? value : normalised;
      ctx.addIssue({ code: "custom", message: NOT_A_PHONE });
      return z.NEVER;
    });
}
