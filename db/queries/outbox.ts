import "server-only";
import { count, eq, min } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { outbox } from "@/db/schema";

export async function getOutboxBacklog({ db }: { db: DbOrTx }) {
  const rows = await db
    .select({ state: outbox.state, count: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(eq(outbox.state, "pending"))
    .groupBy(outbox.state);
  const [dead] = await db.select({ count: count() }).from(outbox).where(eq(outbox.state, "dead"));
  return {
    pending: rows[0]?.count ?? 0,
    oldestPendingAt: rows[0]?.oldest ?? null,
    dead: dead?.count ?? 0,
  };
}
