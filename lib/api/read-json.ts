import { BODY_LIMITS, MAX_JSON_DEPTH, tooLargeMessage } from "@/lib/http/body-limits";
import { readBodyWithin } from "@/lib/http/read-bounded-body";
import { nestsDeeperThan, NESTING_TOO_DEEP_MESSAGE } from "@/lib/json-depth";
import { problemOf, type Problem } from "./problem";

/**
 * Reads the JSON body, answering 415, 413 or 400 as a problem when it is not JSON, is larger than
 * the API takes (refused from its Content-Length, or once a streamed body passes the limit,
 * without reading the rest) or nests deeper than anything after it may walk.
 */
export async function readJson(request: Request, limit: number = BODY_LIMITS.api): Promise<{ ok: true; value: unknown } | { ok: false; problem: Problem }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    return {
      ok: false,
      problem: problemOf("unsupported_media_type", `Send the body as JSON with "Content-Type: application/json"${type ? `, not ${type}` : ""}.`),
    };
  }
  const body = await readBodyWithin(request, limit);
  if (!body.ok) return { ok: false, problem: problemOf("payload_too_large", tooLargeMessage(limit), { limit }) };
  const text = new TextDecoder().decode(body.bytes);
  if (text.trim() === "") return { ok: false, problem: problemOf("malformed_json", "The request body is empty; send a JSON object.") };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problem: problemOf("malformed_json", `The request body is not valid JSON: ${(error as Error).message}`) };
  }
  if (nestsDeeperThan(value)) return { ok: false, problem: problemOf("nesting_too_deep", NESTING_TOO_DEEP_MESSAGE, { maxDepth: MAX_JSON_DEPTH }) };
  return { ok: true, value };
}
