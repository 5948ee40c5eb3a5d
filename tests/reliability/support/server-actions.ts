import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fillRoute, routeOf, type SegmentValues } from "./app-routes";
import { builtDistDir } from "./next-server";
import { ROOT } from "./processes";

export type ServerAction = {
  /** The id the browser sends in the `Next-Action` header. */
  id: string;
  /** The "use server" module, as in the authorisation table (`app/admin/settings/actions.ts`). */
  module: string;
  name: string;
  /** The page routes whose screens hold the action (`/orders/[number]`); it is posted to one of them. */
  routes: string[];
};

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** Every server action in the build, from Next's server reference manifest. */
export function readServerActions(): ServerAction[] {
  const file = path.join(ROOT, builtDistDir(), "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) throw new Error(`${file}: action ${id} names no module or export (not a Turbopack build?)`);
      const routes = Object.keys(entry.workers).filter((worker) => worker.endsWith("/page")).map(routeOf);
      return { id, module: entry.filename, name: entry.exportedName, routes };
    })
    .sort((a, b) => `${a.module} ${a.name}`.localeCompare(`${b.module} ${b.name}`));
}

/** The page an action is posted to: one of the screens that hold it, a static one when there is one. */
export function actionPath(action: ServerAction, segments: SegmentValues): string {
  const [route] = [...action.routes].sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")));
  if (!route) throw new Error(`${action.module} ${action.name}: no page holds this action`);
  return fillRoute(route, segments);
}

/** How the browser passes an argument: a form's FormData, or any other value. */
/**
 * Actions that end the caller's session on the server: called with a session of their own, or
 * every call after them would run signed out and prove nothing about its role check.
 */
const SESSION_ENDING_ACTIONS = new Set(["signOutAction"]);

/**
 * Modules whose actions change people: with valid ids they may, as they should, disable, demote or
 * reset the very admin who calls them (once another admin exists), or change the caller's password.
 */
const PEOPLE_MODULES = new Set(["app/admin/users/actions.ts", "app/(staff)/account/actions.ts"]);

export function endsSession(action: ServerAction): boolean {
  return SESSION_ENDING_ACTIONS.has(action.name) || changesPeople(action);
}

/** Whether an action may change the calling admin's own account (see PEOPLE_MODULES). */
export function changesPeople(action: ServerAction): boolean {
  return PEOPLE_MODULES.has(action.module);
}

export type ParameterKind = "form-data" | "value" | "form-or-value";

/** The parameter list between the parentheses that open at `start`, split at its top-level commas. */
function parametersAt(source: string, start: number): string[] {
  const parameters: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i]!;
    if (depth === 0 && char === ")") break;
    if ("(<{[".includes(char)) depth += 1;
    if (")>}]".includes(char)) depth -= 1;
    if (depth === 0 && char === ",") {
      parameters.push(current);
      current = "";
    } else current += char;
  }
  return [...parameters, current].map((p) => p.trim()).filter(Boolean);
}

/**
 * The kinds of an action's parameters, read from its declaration: a parameter typed `FormData`
 * is a form's (the browser sends a FormData there), any other takes a value. An action built as
 * `export const x = serverAction(...)` (or workflowAction, or either wrapped by
 * withFieldTexts/withDocumentTexts) takes one input that may be either (its form's fields or a
 * screen's object).
 */
export function actionParameters(action: ServerAction): ParameterKind[] {
  const source = readFileSync(path.join(ROOT, action.module), "utf8");
  // Also when wrapped once by withFieldTexts/withDocumentTexts, which keep the action's signature.
  if (new RegExp(`export const ${action.name}\\s*=\\s*(?:withFieldTexts\\(\\w+,\\s*|withDocumentTexts\\()?(?:serverAction|workflowAction)\\(`).test(source)) return ["form-or-value"];
  const declaration = new RegExp(`export async function ${action.name}\\(`).exec(source);
  if (!declaration) throw new Error(`${action.module}: cannot find the declaration of ${action.name}`);
  return parametersAt(source, declaration.index + declaration[0].length - 1).map((p) => (/:\s*FormData$/.test(p) ? "form-data" : "value"));
}

/** An empty form or an empty object for each parameter: what an action gets from a blank screen. */
export function emptyArguments(action: ServerAction): unknown[] {
  return actionParameters(action).map((kind) => (kind === "form-data" ? new FormData() : {}));
}

type FlightClient = { encodeReply: (value: unknown[]) => Promise<string | FormData> };
/** React's own encoder for server-action arguments, the one Next's browser code uses. */
const flight = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as FlightClient;

export type ActionResponse = {
  status: number;
  /** The raw RSC payload, for failure messages and searches. */
  text: string;
  /** The action's return value, decoded from the payload; undefined when it returned nothing. */
  reply: unknown;
  /** The action threw: the payload carries an error row (with a digest) instead of a value. */
  threw: boolean;
  /** The action revalidated a path or a tag (Next's `x-action-revalidated` header). */
  revalidated: boolean;
};

/**
 * The rows of an RSC payload by id. Most rows are one line of JSON (`1:{...}\n`); a long string
 * travels as a text row (`2:T<hex byte length>,<text>`) with no line end, so rows are cut by
 * bytes, not by lines.
 */
function rowsOf(payload: string): { json: Map<string, string>; text: Map<string, string> } {
  const bytes = Buffer.from(payload, "utf8");
  const json = new Map<string, string>();
  const text = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon);
    if (bytes[colon + 1] === "T".charCodeAt(0)) {
      const comma = bytes.indexOf(",", colon);
      const length = parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      text.set(id, bytes.toString("utf8", comma + 1, comma + 1 + length));
      at = comma + 1 + length;
    } else {
      const end = bytes.indexOf("\n", colon);
      const stop = end < 0 ? bytes.length : end;
      json.set(id, bytes.toString("utf8", colon + 1, stop));
      at = stop + 1;
    }
  }
  return { json, text };
}

const SPECIAL: Record<string, unknown> = { $undefined: undefined, $NaN: NaN, $Infinity: Infinity, "$-Infinity": -Infinity, "$-0": -0 };

/** Finds the action's result in the RSC payload: row 0 names it (`"a": "$@<row>"`), and it may point at further rows. */
function decodeReply(payload: string): { reply: unknown; threw: boolean } {
  const rows = rowsOf(payload);
  let threw = false;
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value in SPECIAL) return SPECIAL[value];
      if (value.startsWith("$$")) return value.slice(1);
      const reference = /^\$@?([0-9a-f]+)$/.exec(value);
      if (!reference) return value;
      const id = reference[1]!;
      if (rows.text.has(id)) return rows.text.get(id);
      const row = rows.json.get(id);
      if (row === undefined) return undefined;
      if (row.startsWith("E")) {
        threw = true;
        return undefined;
      }
      return resolve(JSON.parse(row));
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const root = rows.json.get("0");
  if (root === undefined) return { reply: undefined, threw: /"digest"/.test(payload) };
  const reply = resolve((JSON.parse(root) as { a?: unknown }).a);
  return { reply, threw };
}

/**
 * Calls a server action over HTTP as the browser does: POST to a page that holds it, the action
 * id in `Next-Action`, the arguments encoded by React (a JSON array, or multipart when one is a
 * FormData), with the caller's cookies.
 */
export async function callServerAction(
  baseUrl: string,
  options: { action: ServerAction; path: string; args: unknown[]; cookie: string },
): Promise<ActionResponse> {
  const body = await flight.encodeReply(options.args);
  const response = await fetch(`${baseUrl}${options.path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      accept: "text/x-component",
      "next-action": options.action.id,
      origin: baseUrl,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ...decodeReply(text), revalidated: response.headers.has("x-action-revalidated") };
}
