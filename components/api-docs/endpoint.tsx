import { SchemaView, type JsonSchema } from "./schema-view";

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  "x-scope": string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-blue-100 text-blue-900",
  POST: "bg-green-100 text-green-900",
  PATCH: "bg-amber-100 text-amber-900",
  PUT: "bg-purple-100 text-purple-900",
  DELETE: "bg-red-100 text-red-900",
};

/** A copy-pasteable request: path parameters filled with an example, the body from the route's example. */
function curlOf(method: string, path: string, operation: Operation): string {
  const url = `$ORDERLY_URL/api/v1${path.replace("{number}", "ORD-10001").replace("{id}", "1").replace("{deliveryId}", "42")}`;
  const lines = [`curl -X ${method} "${url}"`, `  -H "Authorization: Bearer $ORDERLY_API_KEY"`];
  const body = operation.requestBody?.content["application/json"];
  if (body) {
    lines.push(`  -H "Content-Type: application/json"`);
    if (method === "POST") lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`  -d '${JSON.stringify(body.example ?? {}, null, 2).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

export function Endpoint({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const body = operation.requestBody?.content["application/json"];
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"));
  const failures = Object.entries(operation.responses).filter(([status]) => !status.startsWith("2"));
  return (
    <section id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_COLOURS[method] ?? "bg-slate-100"}`}>{method}</span>
        <code className="font-mono text-sm">/api/v1{path}</code>
        <span className="font-normal text-slate-600">· {operation.summary}</span>
      </h3>
      <p className="mt-1 text-xs text-slate-500">
        Needs a key with scope <strong>{operation["x-scope"]}</strong> or higher.
      </p>
      {operation.description && <p className="mt-3 text-sm text-slate-700">{operation.description}</p>}

      {operation.parameters.length > 0 && (
        <div className="mt-4">
          <h4 className="text-sm font-semibold text-slate-800">Parameters</h4>
          <ul className="mt-1 space-y-1">
            {operation.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`} className="text-sm">
                <code className="font-mono text-xs font-semibold">{p.name}</code> <span className="text-xs text-slate-500">in {p.in}</span>
                {p.required && <span className="ml-1 text-xs font-medium text-red-700">required</span>}
                {p.description && <span className="text-slate-600"> · {p.description}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {body && (
        <div className="mt-4">
          <h4 className="text-sm font-semibold text-slate-800">Request body (JSON)</h4>
          <div className="mt-1">
            <SchemaView schema={body.schema} />
          </div>
        </div>
      )}

      {success && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            Response {success[0]}: {success[1].description}
          </summary>
          <div className="mt-2">
            <SchemaView schema={success[1].content?.["application/json"]?.schema ?? {}} />
          </div>
        </details>
      )}

      <div className="mt-4">
        <h4 className="text-sm font-semibold text-slate-800">Errors</h4>
        <ul className="mt-1 text-sm text-slate-700">
          {failures.map(([status, r]) => (
            <li key={status}>
              <span className="font-mono text-xs">{status}</span> {r.description}
            </li>
          ))}
        </ul>
      </div>

      <div className="mt-4">
        <h4 className="text-sm font-semibold text-slate-800">Example</h4>
        {/* Wider than a phone: focusable so a keyboard can scroll it (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500">
          <code>{curlOf(method, path, operation)}</code>
        </pre>
      </div>
    </section>
  );
}

export type { Operation };
