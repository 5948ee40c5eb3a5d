import { parseArgs } from "node:util";
import { API_KEY_SCOPES } from "./api-keys";

export const API_KEY_CLI_USAGE = `Usage: npm run apikey:create -- --name NAME --scope ${API_KEY_SCOPES.join("|")}`;

/** The arguments of `npm run apikey:create`, or every problem with them in words. */
export function parseApiKeyArgs(argv: string[]): { ok: true; value: { name: string; scope: (typeof API_KEY_SCOPES)[number] } } | { ok: false; errors: string[] } {
  let values: { name?: string; scope?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: "string" }, scope: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  const errors: string[] = [];
  const name = values.name?.trim() ?? "";
  if (!name) errors.push("--name is required: name the system that will use the key, e.g. --name \"ERP Comarch\"");
  const scope = API_KEY_SCOPES.find((s) => s === values.scope);
  if (!scope) errors.push(values.scope === undefined ? `--scope is required: one of ${API_KEY_SCOPES.join(", ")}` : `--scope must be one of ${API_KEY_SCOPES.join(", ")}, not "${values.scope}"`);
  return errors.length > 0 || !scope ? { ok: false, errors } : { ok: true, value: { name, scope } };
}
