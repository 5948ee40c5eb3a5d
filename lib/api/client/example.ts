// The typed client example shown in README's "API" section: the README quotes this file between
// its markers, and example.db.test.ts runs it against the real API, so the example stays true.
// README-EXAMPLE-START
import createClient from "openapi-fetch";
import type { components, paths } from "./openapi"; // `npm run api:types` writes it from the OpenAPI document

type Problem = components["schemas"]["Problem"];

export function orderlyClient(baseUrl: string, apiKey: string, fetch?: (request: Request) => Promise<Response>) {
  return createClient<paths>({ baseUrl: `${baseUrl}/api/v1`, headers: { Authorization: `Bearer ${apiKey}` }, fetch });
}

/** Moves an order to `to`, refusing if someone changed it since `version`; returns the new version. */
export async function moveOrder(
  client: ReturnType<typeof orderlyClient>,
  number: string,
  to: string,
  version: number,
): Promise<{ version: number } | { refused: Problem }> {
  const { data, error } = await client.POST("/orders/{number}/transitions", {
    params: { path: { number }, header: { "Idempotency-Key": `move-${number}-${to}-${version}` } },
    body: { to, expectedVersion: version, comment: "Moved by the ERP" },
  });
  if (error) return { refused: error }; // error.code: "version_conflict", "transition_not_allowed", ...
  return { version: data.order.version };
}
// README-EXAMPLE-END
