/**
 * Why Orderly itself did not send a message, as `outbox.last_error` keeps it: a code the screens
 * word in the reader's language. A provider's own error text stays as it came.
 */
export const UNDONE_REASON = "undone";
export const DUPLICATE_REASON = "duplicate_of";

export type OutboxReason = { key: "undone" } | { key: "duplicate"; id: string };

export function outboxReason(lastError: string | null): OutboxReason | null {
  if (lastError === UNDONE_REASON) return { key: "undone" };
  const duplicate = lastError?.match(/^duplicate_of:(\d+)$/);
  return duplicate ? { key: "duplicate", id: duplicate[1]! } : null;
}

/** A message's last error for a reader: Orderly's own reasons worded by `word`, anything else as stored. */
export function describeLastError(lastError: string | null, word: (reason: OutboxReason) => string): string | null {
  const reason = outboxReason(lastError);
  return reason ? word(reason) : lastError;
}
