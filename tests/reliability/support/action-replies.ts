/**
 * Reading what a server action replied. Every action answers one `ActionResult`
 * (lib/action-result.ts): `{ ok: true, value, message }` or `{ ok: false, error: { code,
 * message, fieldErrors?, details? } }`; an action that redirects (sign-in, sign-out) replies nothing.
 */
type Reply = {
  ok?: boolean;
  message?: string;
  error?: { code?: string; message?: string; fieldErrors?: Record<string, unknown> };
};

const asReply = (reply: unknown): Reply | undefined => (reply && typeof reply === "object" ? (reply as Reply) : undefined);

/** Whether the action said no (refused, invalid, conflicting). */
export function isRefusal(reply: unknown): boolean {
  return asReply(reply)?.ok === false;
}

/** A short name for an outcome, to count them per action. */
export function outcomeLabel(response: { status: number; reply: unknown; threw: boolean; revalidated: boolean }): string {
  if (response.threw || response.status >= 500) return `${response.status} threw`;
  const r = asReply(response.reply);
  if (response.reply === undefined) return `${response.status} ${response.revalidated ? "no reply, revalidated" : "no reply"}`;
  if (!r) return `${response.status} replied ${typeof response.reply}`;
  return `${response.status} ${isRefusal(r) ? `refused: ${r.error?.code ?? "error"}` : "ok"}`;
}

/** The top-level input fields a validation refusal names (its field errors, or "Please check: a, b."). */
export function fieldsNamedIn(reply: unknown): string[] {
  const error = asReply(reply)?.error;
  if (!error) return [];
  const named = error.fieldErrors ? Object.keys(error.fieldErrors) : (/^Please check: (.+)\.$/.exec(error.message ?? "")?.[1]?.split(", ") ?? []);
  return [...new Set(named.map((path) => path.split(".")[0]!).filter(Boolean))];
}
