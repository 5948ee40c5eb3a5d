import { normalisePhone } from "@/lib/phone";
import { refuse, type Result } from "@/lib/result";

/**
 * The number an SMS goes to, normalised, or why it cannot go: an order stored before phone
 * numbers were checked may hold any text, and a provider must never be asked to text it.
 */
export function smsRecipient(address: string): Result<string> {
  const number = normalisePhone(address);
  if (number) return { ok: true, value: number };
  return refuse("validation_failed", "Not sent: the customer's phone is not a phone number. Correct it on the order and send again.", {
    details: { reason: "invalid_phone" },
  });
}
