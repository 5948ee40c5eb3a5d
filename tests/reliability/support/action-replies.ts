/**
 * Reading what a server action replied. The app's actions reply in a few shapes: a Result
 * (`{ ok, error: { code } }`), form state (`{ ok, code, fieldErrors }`), a change reply
 * (`{ ok, code, message }`), the scan station's `{ outcome, message }`, the login form's
 * `{ error, fieldErrors }`, or nothing at all.
 */
type Reply = {
  ok?: boolean;
  code?: string;
  message?: string;
  outcome?: string;
  fieldErrors?: Record<string, unknown>;
  error?: string | { code?: string; message?: string; fieldErrors?: Record<string, unknown> };
};

const asReply = (reply: unknown): Reply | undefined => (reply && typeof reply === "object" ? (reply as Reply) : undefined);

/** Whether the action said no (refused, invalid, conflicting), in whichever shape it replies. */
export function isRefusal(reply: unknown): boolean {
  const r = asReply(reply);
  if (!r) return false;
  if (r.ok === false) return true;
  if (typeof r.outcome === "string") return r.outcome !== "changed";
  return r.ok === undefined && (r.error !== undefined || r.fieldErrors !== undefined);
}

/** The refusal's code, or a word for the shape when it has none. */
function refusalCode(r: Reply): string {
  if (typeof r.error === "object") return r.error.code ?? "error";
  return r.code ?? r.outcome ?? (r.fieldErrors ? "field errors" : "error");
}

/** A short name for an outcome, to count them per action. */
export function outcomeLabel(response: { status: number; reply: unknown; threw: boolean; revalidated: boolean }): string {
  if (response.threw || response.status >= 500) return `${response.status} threw`;
  const r = asReply(response.reply);
  if (response.reply === undefined) return `${response.status} ${response.revalidated ? "no reply, revalidated" : "no reply"}`;
  if (!r) return `${response.status} replied ${typeof response.reply}`;
  return `${response.status} ${isRefusal(r) ? `refused: ${refusalCode(r)}` : "ok"}`;
}

/** The top-level input fields a validation refusal names (its field errors, or "Please check: a, b."). */
export function fieldsNamedIn(reply: unknown): string[] {
  const r = asReply(reply);
  if (!r) return [];
  const errors = r.fieldErrors ?? (typeof r.error === "object" ? r.error.fieldErrors : undefined);
  const message = (typeof r.error === "object" ? r.error.message : undefined) ?? r.message ?? "";
  const named = errors ? Object.keys(errors) : (/^Please check: (.+)\.$/.exec(message)?.[1]?.split(", ") ?? []);
  return [...new Set(named.map((path) => path.split(".")[0]!).filter(Boolean))];
}
