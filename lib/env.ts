import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

/** The API's rate limits unless the environment sets them (requests per minute). */
export const API_RATE_LIMIT_DEFAULTS = { perKey: 600, failedAuth: 30 } as const;

/**
 * The environment, parsed once. Nothing else in the project reads `process.env`.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set: a real Postgres server through postgres.js. Unset: embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** Connections each app or worker process keeps open to DATABASE_URL (instances × this ≤ what the server or pooler allows). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1_000).default(10),
  /** Where the embedded database keeps its files. */
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** A real Postgres server for the database tests (`npm run test:pg`). */
  TEST_DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Resend for email; unset: the dev mailbox keeps messages for /admin/mailbox. */
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  /**
   * Resend's rate limit for the team (requests per second, every API key and worker together);
   * the outbox workers share it through the database. Resend's documented default is 2.
   */
  RESEND_REQUESTS_PER_SECOND: z.coerce.number().positive().max(10_000).default(2),
  /** Emails per Resend request (its batch endpoint takes up to 100); 1 sends each on its own. */
  RESEND_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
  /** SMSAPI for SMS; unset: the dev mailbox. */
  SMSAPI_TOKEN: z.string().min(1).optional(),
  SMSAPI_BASE_URL: z.string().url().optional(),
  SMSAPI_SENDER: z.string().max(11).optional(),
  /** "false" when separate `npm run worker` processes deliver the outbox. */
  WORKER_IN_APP: z.enum(["true", "false"]).default("true"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For; the client's address
   * for rate limits is taken that many entries from the right. 0: the socket's peer (no proxy).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Requests per minute each API key may make (every answer says how many are left); over it,
   * 429 `rate_limited`. The count is shared by every instance (it lives in the database).
   */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(API_RATE_LIMIT_DEFAULTS.perKey),
  /** Requests per minute with a wrong or revoked API key one client address may make before 429. */
  API_FAILED_AUTH_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(API_RATE_LIMIT_DEFAULTS.failedAuth),
  /**
   * Live update streams (`GET /api/live`) one app process holds open; past it, 503 and the
   * screens fall back to polling. Each is an open request and a few timers.
   */
  LIVE_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).default(500),
  /** "true" lets webhook endpoints on loopback and private networks receive (tests, on-premises ERPs). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["true", "false"]).default("false"),
  /** Outbox tuning (milliseconds and counts); unset: the worker's defaults. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).optional(),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).optional(),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(10).optional(),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  OUTBOX_IDLE_MS: z.coerce.number().int().min(10).optional(),
  /** Sends one worker keeps in flight at once (emails, SMS and webhooks alike). */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** How long one provider request may take before it counts as failed and is retried. */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  /** A Postgres server on which `npm run test:reliability` creates its throw-away databases. */
  RELIABILITY_DATABASE_URL: z.string().url().optional(),
  /** Seed for the reliability suite's random load (printed by each run, to replay it). */
  RELIABILITY_SEED: z.coerce.number().int().nonnegative().optional(),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

const DATA_DIR = ".data";
const SECRET_FILE = path.join(DATA_DIR, "auth-secret");

/**
 * Outside production a missing AUTH_SECRET is generated once and kept in `.data/`, so the
 * first `npm run dev` needs no setup. Production refuses to start without one: a generated
 * secret would differ per instance and silently sign everyone out on each deploy.
 */
function resolveAuthSecret(parsed: z.infer<typeof schema>): string {
  if (parsed.AUTH_SECRET) return parsed.AUTH_SECRET;
  if (parsed.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production (at least 32 characters).");
  }
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, secret, { mode: 0o600 });
  return secret;
}

function loadEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return { ...result.data, AUTH_SECRET: resolveAuthSecret(result.data) };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
