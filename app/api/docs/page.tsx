import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Endpoint, type Operation } from "@/components/api-docs/endpoint";
import { buildOpenApiDocument, inlineComponentRefs, PROBLEM_STATUS } from "@/lib/api";
import { API_RATE_LIMIT_DEFAULTS } from "@/lib/env";
import { BODY_LIMITS, formatLimit, MAX_JSON_DEPTH } from "@/lib/http/body-limits";

export async function generateMetadata() {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

const ERROR_MEANINGS: Record<keyof typeof PROBLEM_STATUS, string> = {
  malformed_json: "The body is not JSON (or is empty).",
  nesting_too_deep: `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
  payload_too_large: `The body is larger than ${formatLimit(BODY_LIMITS.api)}; refused before it is read.`,
  unauthorized: "No key, a wrong key or a revoked key. Comes with WWW-Authenticate.",
  forbidden: "The key's scope is too small for this endpoint.",
  not_found: "No such order or endpoint.",
  method_not_allowed: "The path exists with other methods (see the Allow header).",
  version_conflict: "expectedVersion differs: the order changed since you read it. Read it again and decide.",
  transition_not_allowed: "The order type's matrix has no such step. `allowed` lists where the order may go.",
  editing_not_allowed:
    "The order's status does not allow editing its customer, address, items or total (the status's `allowsEditing`). `orderStatus` names it. Tracking can still be set.",
  idempotency_conflict: "The Idempotency-Key was used before with another request.",
  idempotency_in_progress: "Only POST /transitions (bulk): the first request with this Idempotency-Key is still running. Retry after Retry-After seconds to get its answer.",
  unsupported_media_type: "Send Content-Type: application/json.",
  validation_failed: "A field is missing or wrong. `errors` maps each field (dotted path) to its messages.",
  guard_failed: "A rule refused the change; `reason` says which, e.g. payment_required.",
  undo_refused: "Only on the screens: a change can no longer be undone (`reason`: changed_since, hold_over, already_sent, ...).",
  status_not_permitted: "A person's role may not move orders into that status. API keys are never limited this way; only their scope counts.",
  last_admin: "Only on the admin screens: disabling, demoting or resetting the shop's last active admin.",
  would_strand_orders:
    "The workflow would leave open orders with no way forward. `stranded` lists them per order type and status, `total` counts them; send the request again with `confirmStranded` set to that total to go ahead.",
  rate_limited:
    "The key made all the requests its window allows (or this address sent too many wrong keys). Wait `Retry-After` seconds; `limit`, `windowSeconds` and `retryAfter` say the same in the body. Every answer's `RateLimit` header shows what is left.",
  internal_error: "Our fault. Nothing was written; retry later with the same Idempotency-Key.",
};

/**
 * The API reference for people, rendered by the app from the same OpenAPI document machines
 * read (no third-party viewer: the CSP allows no CDN scripts, and this needs no JavaScript).
 */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const doc = inlineComponentRefs(buildOpenApiDocument());
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), operation: op as unknown as Operation & { tags: string[] } })),
  );
  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="text-slate-700">
          Version {doc.info.version}. Machine-readable: <a className="text-blue-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </header>

      <nav aria-label={t("endpoints")} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
        <h2 className="text-sm font-semibold text-slate-800">{t("contents")}</h2>
        <ul className="mt-2 grid gap-1 text-sm md:grid-cols-2">
          <li><a className="text-blue-700 underline" href="#basics">Authentication, errors, idempotency</a></li>
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a className="text-blue-700 underline" href={`#${operation.operationId}`}>
                <span className="font-mono text-xs">{method} {path}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="basics" aria-labelledby="basics-title" className="space-y-4 text-sm text-slate-700">
        <h2 id="basics-title" className="text-xl font-semibold text-slate-900">Basics</h2>
        <div className="space-y-2">
          <h3 className="font-semibold text-slate-900">Authentication</h3>
          <p>
            Send <code className="font-mono">Authorization: Bearer &lt;key&gt;</code> with every request. An admin creates keys at{" "}
            <Link className="text-blue-700 underline" href="/admin/integrations">Admin → Integrations</Link> or with{" "}
            <code className="font-mono">npm run apikey:create -- --name NAME --scope SCOPE</code>. Scopes: <strong>read</strong> (every GET),{" "}
            <strong>write</strong> (also POST and PATCH), <strong>admin</strong> (also PUT /workflow and the webhook endpoints). Changes appear in the order history under the key&apos;s name.
          </p>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold text-slate-900">Requests and money</h3>
          <p>
            JSON only (<code className="font-mono">Content-Type: application/json</code>); unknown fields are refused at every depth, so a typo never passes silently.
            So are query parameters an endpoint does not take, and a parameter sent twice unless it is documented as a list (then repeat it: <code className="font-mono">?status=a&amp;status=b</code>).
            Money is in integer minor units (<code className="font-mono">12999</code> is 129.99 PLN). Statuses are addressed by their <code className="font-mono">code</code>.
            Orders carry a <code className="font-mono">version</code>: send it back as <code className="font-mono">expectedVersion</code> to refuse a change made from stale data.
          </p>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold text-slate-900">Idempotency</h3>
          <p>
            Every POST accepts <code className="font-mono">Idempotency-Key</code> (1 to 255 printable characters; use a UUID). A retry with the same key and
            the same body gets the first response back (with <code className="font-mono">Idempotent-Replayed: true</code>) and writes nothing again; the same key
            with another body is refused with 409 <code className="font-mono">idempotency_conflict</code>. Only successful responses are kept, for 24 hours:
            a refused request may be retried with the same key once its cause is fixed.
          </p>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold text-slate-900">Rate limits</h3>
          <p>
            Each key may make {API_RATE_LIMIT_DEFAULTS.perKey} requests a minute unless the server is set otherwise, counted across every server. Every answer to
            a request with a valid key says so: <code className="font-mono">RateLimit-Policy: &quot;key&quot;;q={API_RATE_LIMIT_DEFAULTS.perKey};w=60</code> and{" "}
            <code className="font-mono">RateLimit: &quot;key&quot;;r=&lt;left&gt;;t=&lt;seconds to reset&gt;</code>. Past it: 429{" "}
            <code className="font-mono">rate_limited</code> with <code className="font-mono">Retry-After</code>. Requests with a wrong key are limited per
            client address ({API_RATE_LIMIT_DEFAULTS.failedAuth} a minute unless set otherwise).
          </p>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold text-slate-900">Errors</h3>
          <p>
            Errors are RFC 9457 <code className="font-mono">application/problem+json</code>: <code className="font-mono">type</code>, <code className="font-mono">title</code>,{" "}
            <code className="font-mono">status</code>, <code className="font-mono">detail</code> (in words) and a stable <code className="font-mono">code</code>:
          </p>
          {/* Wider than a phone: focusable so a keyboard can scroll it (axe: scrollable-region-focusable). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500">
            <code>{JSON.stringify({ type: "/api/docs#error-transition_not_allowed", title: "Transition not allowed", status: 409, detail: "Cannot change from Shipped to Received", code: "transition_not_allowed", allowed: [{ code: "completed", name: "Completed" }] }, null, 2)}</code>
          </pre>
          <table className="w-full text-left">
            <caption className="sr-only">Error codes</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th scope="col" className="py-1 pr-3">HTTP</th><th scope="col" className="py-1 pr-3">code</th><th scope="col" className="py-1">meaning</th></tr>
            </thead>
            <tbody>
              {Object.entries(PROBLEM_STATUS).map(([code, { status }]) => (
                <tr key={code} id={`error-${code}`} className="border-b border-slate-100">
                  <td className="py-1 pr-3 font-mono text-xs">{status}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{code}</td>
                  <td className="py-1">{ERROR_MEANINGS[code as keyof typeof PROBLEM_STATUS]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {doc.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="space-y-4">
          <h2 id={`tag-${tag.name}`} className="text-xl font-semibold text-slate-900">
            {tag.name} <span className="text-sm font-normal text-slate-600">· {tag.description}</span>
          </h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <Endpoint key={operation.operationId} method={method} path={path} operation={operation} />
            ))}
        </section>
      ))}
    </main>
  );
}
