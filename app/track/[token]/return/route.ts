import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { clientAddressOf } from "@/lib/client-address";
import { customerTranslator, resolveLocale } from "@/lib/i18n";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { declaresMoreThan, readBodyWithin } from "@/lib/http/read-bounded-body";
import { hasNulCharacter } from "@/lib/nul-characters";
import { createRateLimiter } from "@/lib/rate-limit";
import { createReturn } from "@/lib/returns";
import { readReturnForm } from "@/lib/returns/form";

// Five requests per client per ten minutes: a customer sends one, a script filling the board gets few.
const limiter = createRateLimiter({ name: "track-return", limit: 5, windowMs: 10 * 60_000 });

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** Back to the tracking page with the outcome as a code the page words; relative, as the lookup's. */
function backTo(token: string, lang: string, outcome: Record<string, string>) {
  const query = new URLSearchParams({ lang, ...outcome });
  return new Response(null, { status: 303, headers: { Location: `/track/${token}?${query}#after-sales`, "Referrer-Policy": "no-referrer" } });
}

/**
 * POST /track/[token]/return: the customer's return or complaint (ADR 0161). The tracking token is
 * the only key, as for the page itself; the cheap refusals come first (size, then the rate limit,
 * counted per client address before the body is parsed), and the answer is a redirect back to the
 * page with an outcome code, never the order's data.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lang = resolveLocale(new URL(request.url).searchParams.get("lang"));
  if (!TOKEN.test(token)) return new Response(null, { status: 404 });
  if (declaresMoreThan(request.headers, BODY_LIMITS.trackReturn)) return backTo(token, lang, { returnError: "tooLarge" });

  const db = await getDb();
  const limit = await limiter.hit(db, clientAddressOf(request.headers));
  if (!limit.allowed) return backTo(token, lang, { returnError: "rateLimited" });

  const body = await readBodyWithin(request, BODY_LIMITS.trackReturn);
  if (!body.ok) return backTo(token, lang, { returnError: "tooLarge" });
  const contentType = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  const form = await new Response(body.bytes, { headers: { "Content-Type": contentType } }).formData().catch(() => new FormData());

  // Refused before the service: Postgres cannot store a NUL, and would fail the request with a 500.
  if (hasNulCharacter(form)) return backTo(token, lang, { returnError: "invalidText" });

  const t = customerTranslator(lang);
  const result = await createReturn(db, { ...readReturnForm(form), parent: { trackingToken: token }, actor: { type: "system", label: t("afterSales.actor") } });
  if (result.ok) {
    revalidatePath(`/track/${token}`);
    return backTo(token, lang, { returnSent: "1" });
  }
  if (result.error.code === "not_found") return new Response(null, { status: 404 });
  const details = result.error.details;
  const reason = details && "reason" in details ? String(details.reason) : undefined;
  const fieldErrors = Object.entries(result.error.fieldErrors ?? {});
  // The first problem only: the page words one message; the keys are the catalogue's, never text.
  const code = reason ?? fieldErrors[0]?.[1][0] ?? "noItems";
  return backTo(token, lang, { returnError: code });
}
