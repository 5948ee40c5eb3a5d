import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Fixed-window counters for rate limits (tracking lookups, sign-in attempts). They live in the
 * database so every app instance counts the same attempts; old windows are purged by the worker.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_counters_window_idx").on(t.windowStart)],
);

/**
 * One row per signed-in browser. The session cookie names a row; a request is signed in only
 * while its row is open, so signing out, disabling a person or changing their role or password
 * ends sessions on the server, not just in the browser.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    /** A random identifier carried inside the signed session token. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export type AuthSession = typeof authSessions.$inferSelect;
