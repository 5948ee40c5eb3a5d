import { createHash } from "node:crypto";
import { addUriSchemePlugin } from "@hyperjump/browser";
import { validate, type OutputUnit, type Validator } from "@hyperjump/json-schema/openapi-3-1";
import { matchPath } from "./dispatch";
import { buildOpenApiDocument } from "./openapi";

/**
 * Checks a real response against the published OpenAPI document: the operation found by method
 * and path template, the status among its responses, the content type among that response's,
 * its required headers, and the body against the schema, validated by @hyperjump/json-schema's
 * OpenAPI 3.1 dialect (JSON Schema 2020-12), a validator that is not ours. The API test client
 * runs it on every response (test-client.ts), so any route, including ones added later, is held
 * to what the document promises a strict generated client.
 */

type Doc = ReturnType<typeof buildOpenApiDocument>;
type ResponseObject = { $ref?: string; headers?: Record<string, { required?: boolean }>; content?: Record<string, unknown> };
type Operation = { responses: Record<string, ResponseObject> };

export type ObservedResponse = { status: number; headers: Headers; json: unknown; text?: string };

const SCHEME = "orderly-contract";
const documents = new Map<string, string>();
addUriSchemePlugin(SCHEME, {
  retrieve: async (uri: string) => {
    const text = documents.get(uri.split("#")[0]!);
    if (text === undefined) throw new Error(`no OpenAPI document registered as ${uri}`);
    const response = new Response(text, { headers: { "content-type": "application/openapi+json" } });
    // The document's base URI is the response's URL, which a constructed Response leaves empty.
    Object.defineProperty(response, "url", { value: uri.split("#")[0] });
    return response;
  },
});

/** One registered copy per distinct document (by content), so a document built with other options is its own. */
function register(doc: Doc): string {
  const text = JSON.stringify(doc);
  const uri = `${SCHEME}://documents/${createHash("sha256").update(text).digest("hex").slice(0, 16)}/openapi.json`;
  documents.set(uri, text);
  return uri;
}

const pointerPart = (part: string) => encodeURIComponent(part.replace(/~/g, "~0").replace(/\//g, "~1"));

function describeErrors(units: OutputUnit[] | undefined): string {
  const leaves: string[] = [];
  const visit = (list: OutputUnit[] | undefined) => {
    for (const unit of list ?? []) {
      if (unit.errors?.length) visit(unit.errors);
      else leaves.push(`${unit.instanceLocation || "#"} fails ${unit.absoluteKeywordLocation.split("#")[1] ?? unit.keyword}`);
    }
  };
  visit(units);
  return leaves.slice(0, 5).join("; ");
}

export class ContractChecker {
  private readonly uri: string;
  private readonly validators = new Map<string, Promise<Validator>>();

  constructor(private readonly doc: Doc = buildOpenApiDocument()) {
    this.uri = register(doc);
  }

  /** What in the response the document does not allow; empty when it matches. */
  async mismatches(method: string, url: string, response: ObservedResponse): Promise<string[]> {
    const path = new URL(url, "http://x").pathname.replace(/^\/api\/v1(?=\/)/, "");
    if (path === "/openapi.json") return [];
    const where = `${method} ${path} → ${response.status}`;
    const found = this.responseFor(method.toLowerCase(), path, response.status);
    if ("problem" in found) return [`${where}: ${found.problem}`];
    const { pointer, spec, schemaPointer: fixedSchema } = found;
    const problems: string[] = [];
    for (const [name, header] of Object.entries(spec.headers ?? {})) {
      if (header.required && !response.headers.has(name)) problems.push(`${where}: the required header ${name} is missing`);
    }
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = Object.keys(spec.content ?? {});
    if (media.length === 0) {
      if (response.json !== undefined) problems.push(`${where}: the document promises no body, but one was sent`);
      return problems;
    }
    if (!media.includes(contentType)) return [...problems, `${where}: content type "${contentType}" is not one of ${media.join(", ")}`];
    const schemaPointer = fixedSchema ?? `${pointer}/content/${pointerPart(contentType)}/schema`;
    const output = (await this.validator(schemaPointer))(response.json as never, "BASIC");
    if (!output.valid) problems.push(`${where}: the body does not match ${schemaPointer}: ${describeErrors(output.errors)}`);
    return problems;
  }

  /** What in `value` the named schema component (e.g. `Problem`) does not allow. */
  async componentMismatches(name: string, value: unknown): Promise<string[]> {
    const pointer = `/components/schemas/${pointerPart(name)}`;
    const output = (await this.validator(pointer))(value as never, "BASIC");
    return output.valid ? [] : [`${name}: ${describeErrors(output.errors)}`];
  }

  private validator(pointer: string): Promise<Validator> {
    let validator = this.validators.get(pointer);
    if (!validator) {
      validator = validate(`${this.uri}#${pointer}`);
      this.validators.set(pointer, validator);
    }
    return validator;
  }

  private responseFor(method: string, path: string, status: number): { pointer: string; spec: ResponseObject; schemaPointer?: string } | { problem: string } {
    const paths = this.doc.paths as Record<string, Record<string, Operation>>;
    const template = Object.keys(paths).find((t) => matchPath(t, path) !== undefined && paths[t]![method]) ?? Object.keys(paths).find((t) => matchPath(t, path) !== undefined);
    if (!template) {
      // No such endpoint: the answer is a 404 problem, shaped like every problem.
      if (status !== 404) return { problem: "the path is not in the document, so only 404 is possible" };
      return { pointer: "", spec: { content: { "application/problem+json": {} } }, schemaPointer: "/components/schemas/Problem" };
    }
    const item = paths[template]!;
    const operation = item[method] ?? (status === 405 ? Object.values(item)[0] : undefined);
    if (!operation) return { problem: `the document has no ${method.toUpperCase()} ${template}, so only 405 is possible` };
    const base = `/paths/${pointerPart(template)}/${item[method] ? method : Object.keys(item)[0]}/responses`;
    const key = operation.responses[status] ? String(status) : operation.responses.default ? "default" : undefined;
    if (!key) return { problem: `status ${status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})` };
    const spec = operation.responses[key]!;
    if (spec.$ref) {
      const name = spec.$ref.split("/").pop()!;
      const components = this.doc.components.responses as Record<string, ResponseObject>;
      return { pointer: `/components/responses/${pointerPart(name)}`, spec: components[name]! };
    }
    return { pointer: `${base}/${key}`, spec };
  }
}
