import { z } from "zod";

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/**
 * A money amount typed by a person ("123.45", "123,45", "1 234,50") in minor units.
 * Polish users type a decimal comma; both separators are accepted.
 */
export const moneyInput = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s\u00a0]/g, "").replace(",", "."))
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, "Enter an amount like 123.45"))
  .transform((s) => Math.round(Number(s) * 100))
  .pipe(z.number().int().positive("Amount must be more than zero"));
