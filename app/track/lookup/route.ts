import { getDb } from "@/db";
import { clientAddressOf } from "@/lib/client-address";
import { customerTranslator, resolveLocale, type Locale } from "@/lib/i18n";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { declaresMoreThan, readBodyWithin } from "@/lib/http/read-bounded-body";
import { hasNulCharacter } from "@/lib/nul-characters";
import { createRateLimiter } from "@/lib/rate-limit";
import { findTrackingToken, lookupSchema } from "@/lib/tracking/lookup";

// Ten lookups per client per ten minutes: plenty for a customer, too few to guess orders.
const limiter = createRateLimiter({ name: "track-lookup", limit: 10, windowMs: 10 * 60_000 });

// A relative Location: behind a proxy `request.url` may name another host than the browser used,
// and a cross-origin redirect after a form post would break `form-action 'self'`.
function redirect(path: string) {
  return new Response(null, { status: 303, headers: { Location: path, "Referrer-Policy": "no-referrer" } });
}

/** A refusal as a small page in the customer's language, for a browser that posted the form. */
function refusal(locale: Locale, status: 413 | 429, message: "tooLarge" | "tooMany", headers: Record<string, string> = {}) {
  const t = customerTranslator(locale);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t("lookupTitle")}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1>${t("lookupTitle")}</h1><p role="alert">${t(message)}</p><p><a href="/track?lang=${locale}">${t("back")}</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Referrer-Policy": "no-referrer", ...headers },
  });
}

/**
 * POST /track/lookup: number and email in, a redirect to the order's page out, or one answer for
 * every miss. Anonymous, so the cheap refusals come first: an announced over-size body before
 * anything is read, the rate limit before the body is parsed, and the body read only up to its limit.
 */
export async function POST(request: Request) {
  // The form's action carries the language, so refusals are worded before the body is read.
  const locale = resolveLocale(new URL(request.url).searchParams.get("lang"));
  if (declaresMoreThan(request.headers, BODY_LIMITS.trackLookup)) return refusal(locale, 413, "tooLarge");

  const limit = await limiter.hit(await getDb(), clientAddressOf(request.headers));
  if (!limit.allowed) return refusal(locale, 429, "tooMany", { "Retry-After": String(Math.ceil(limit.retryAfterMs / 1000)) });

  const body = await readBodyWithin(request, BODY_LIMITS.trackLookup);
  if (!body.ok) return refusal(locale, 413, "tooLarge");
  const contentType = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  const form = await new Response(body.bytes, { headers: { "Content-Type": contentType } }).formData().catch(() => new FormData());
  const formLocale = resolveLocale(form.get("lang"), locale);
  const parsed = lookupSchema.safeParse({ number: form.get("number"), email: form.get("email") });
  // A NUL cannot be looked up (Postgres refuses it as a parameter): it is a miss like any other.
  const found = parsed.success && !hasNulCharacter(parsed.data) ? await findTrackingToken(await getDb(), parsed.data) : undefined;
  if (!found) return redirect(`/track?error=miss&lang=${formLocale}`);
  return redirect(`/track/${found.token}?lang=${formLocale}`);
}
