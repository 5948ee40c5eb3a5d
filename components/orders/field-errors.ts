/** A field's error as the order page's forms word it: `order.errors.<key>` with its values. */
export type FieldErrorMessage =
  | { key: "tooLong"; values: { max: number } }
  | { key: "amountFormat" | "amountPositive" | "courierKey" | "trackingChars" | "refundTooMuch" | "invalid"; values: Record<string, never> };

const PLAIN = new Set(["amountFormat", "amountPositive", "courierKey", "trackingChars", "refundTooMuch"]);

/**
 * The order actions' schemas give catalogue keys as their messages ("trackingChars",
 * "tooLong:64"); anything else (a message from deeper down) is worded as a plain "check this".
 */
export function fieldErrorMessage(code: string): FieldErrorMessage {
  const [key, arg] = code.split(":");
  if (key === "tooLong" && arg && /^\d+$/.test(arg)) return { key: "tooLong", values: { max: Number(arg) } };
  if (key && PLAIN.has(key)) return { key: key as "amountFormat", values: {} };
  return { key: "invalid", values: {} };
}

/** A schema message that the screens word by key: `tooLong(5000)` is "tooLong:5000". */
export const tooLong = (max: number) => `tooLong:${max}`;
