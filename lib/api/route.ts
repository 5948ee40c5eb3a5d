import type { z } from "zod";
import type { DbOrTx } from "@/db";
import type { ApiKeyScope } from "@/db/schema";
import type { ApiKeySummary } from "@/lib/integrations/api-keys";
import type { Actor } from "@/lib/orders";
import type { Result } from "@/lib/result";
import type { ApiErrorCode } from "./problem";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type ApiContext<P, Q, B> = {
  /** The database, or on a POST the idempotency transaction the services nest inside. */
  db: DbOrTx;
  key: ApiKeySummary;
  /** Who the history records: the key's name. */
  actor: Actor;
  params: P;
  query: Q;
  body: B;
};

/**
 * One endpoint: what the dispatcher enforces (scope, schemas) and what the OpenAPI document
 * says, from the same object, so the docs describe exactly what runs.
 */
export type ApiRoute<P = unknown, Q = unknown, B = unknown> = {
  method: HttpMethod;
  /** OpenAPI path template under /api/v1, e.g. `/orders/{number}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiKeyScope;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** A realistic request body for the docs' example and the OpenAPI `example`. */
  example?: unknown;
  response: { status: 200 | 201; description: string; schema: z.ZodType };
  /**
   * How a POST's work and its stored idempotent answer share transactions. "one" (the default):
   * the handler runs inside the transaction that claims the key and stores the answer, so both
   * commit together. "own": the handler gets the database and its services open transactions of
   * their own (a bulk change, one per order); the key is claimed before and the answer stored
   * after (ADR 0140).
   */
  transactions?: "one" | "own";
  /** The refusals this endpoint itself can answer (auth, scope and parsing errors are added for all). */
  errors: ApiErrorCode[];
  handle: (context: ApiContext<P, Q, B>) => Promise<Result<unknown>>;
};

/** Keeps the handler's parameter types tied to the route's schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  route: ApiRoute<P, Q, B>,
): ApiRoute {
  return route as unknown as ApiRoute;
}
