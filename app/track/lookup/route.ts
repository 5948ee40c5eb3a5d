import { getDb } from "@/db";
import { customerTranslator, resolveLocale } from "@/lib/i18n";
import { createRateLimiter } from "@/lib/rate-limit";
import { findTrackingToken, lookupSchema } from "@/lib/tracking/lookup";

// Ten lookups per client per ten minutes: plenty for a customer, too few to guess orders.
const limiter = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });

function clientKey(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

// A relative Location: behind a proxy `request.url` may name another host than the browser used,
// and a cross-origin redirect after a form post would break `form-action 'self'`.
function redirect(path: string) {
  return new Response(null, { status: 303, headers: { Location: path, "Referrer-Policy": "no-referrer" } });
}

/** POST /track/lookup: number and email in, a redirect to the order's page out, or one answer for every miss. */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => new FormData());
  const locale = resolveLocale(form.get("lang"));
  const limit = limiter.hit(clientKey(request));
  if (!limit.allowed) {
    const t = customerTranslator(locale);
    const seconds = Math.ceil(limit.retryAfterMs / 1000);
    const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t("lookupTitle")}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1>${t("lookupTitle")}</h1><p role="alert">${t("tooMany")}</p><p><a href="/track?lang=${locale}">${t("back")}</a></p></body></html>`;
    return new Response(html, {
      status: 429,
      headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(seconds), "Referrer-Policy": "no-referrer" },
    });
  }
  const parsed = lookupSchema.safeParse({ number: form.get("number"), email: form.get("email") });
  const found = parsed.success ? await findTrackingToken(await getDb(), parsed.data) : undefined;
  if (!found) return redirect(`/track?error=miss&lang=${locale}`);
  return redirect(`/track/${found.token}?lang=${locale}`);
}
