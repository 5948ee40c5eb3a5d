import "server-only";
import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { orders, outbox, webhookEndpoints, type OutboxKind, type OutboxRow } from "@/db/schema";
import { escapeLike, likePattern } from "./order-search";

/**
 * What waits in the outbox, for /api/health. Webhook deliveries of a disabled endpoint are counted
 * apart: the worker does not send them until an admin enables the endpoint again, so they are not
 * a backlog the worker is falling behind on, and `oldestPendingAt` ignores them too.
 */
export async function getOutboxBacklog({ db, kinds }: { db: DbOrTx; kinds?: OutboxKind[] }) {
  // The mailbox shows emails and SMS only; the health check counts every kind.
  const ofKinds = kinds ? inArray(outbox.kind, kinds) : undefined;
  // `is false`, not `= false`: rows of other kinds join no endpoint, and null must not count as paused.
  const paused = sql`(${webhookEndpoints.enabled} is false)`;
  const [pending] = await db
    .select({
      count: sql<number>`count(*) filter (where not ${paused})`.mapWith(Number),
      oldest: sql<Date | null>`min(${outbox.createdAt}) filter (where not ${paused})`.mapWith(outbox.createdAt),
      paused: sql<number>`count(*) filter (where ${paused})`.mapWith(Number),
    })
    .from(outbox)
    // Only webhook rows name an endpoint; every other row joins nothing and counts as pending.
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, outbox.webhookEndpointId))
    .where(and(eq(outbox.state, "pending"), ofKinds));
  const [dead] = await db.select({ count: count() }).from(outbox).where(and(eq(outbox.state, "dead"), ofKinds));
  return {
    pending: pending?.count ?? 0,
    oldestPendingAt: pending?.oldest ?? null,
    pausedForDisabledEndpoints: pending?.paused ?? 0,
    dead: dead?.count ?? 0,
  };
}

export const MAILBOX_PAGE_SIZE = 50;
export type MailboxFilters = {
  state?: OutboxRow["state"];
  kind?: "email" | "sms";
  /** An order number or part of a recipient (email address, phone number). */
  q?: string;
  page?: number;
};

/** The messages for the admin mailbox, newest first, without their (large) rendered bodies. */
export async function listMessages({ db, state, kind, q, page = 1 }: MailboxFilters & { db: DbOrTx }) {
  const conditions: SQL[] = [];
  if (q) {
    const byOrder = inArray(outbox.orderId, db.select({ id: orders.id }).from(orders).where(ilike(orders.number, escapeLike(q))));
    const byRecipient = ilike(outbox.recipient, likePattern(q));
    conditions.push(or(byOrder, byRecipient)!);
  }
  if (state) conditions.push(eq(outbox.state, state));
  if (kind) conditions.push(eq(outbox.kind, kind));
  else conditions.push(inArray(outbox.kind, ["email", "sms"]));
  const where = conditions.length ? and(...conditions) : undefined;
  return pageOfOutbox({
    db,
    where,
    page,
    pageSize: MAILBOX_PAGE_SIZE,
    fields: {
      id: outbox.id,
      kind: outbox.kind,
      recipient: outbox.recipient,
      state: outbox.state,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      subject: outbox.renderedSubject,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    },
  });
}

/**
 * One page of the outbox rows matching `where`, newest first, each with its order's number, and
 * the count of them all: the mailbox and a webhook endpoint's deliveries log list it the same way.
 */
export async function pageOfOutbox<F extends Record<string, PgColumn>>(input: {
  db: DbOrTx;
  fields: F;
  where: SQL | undefined;
  page: number;
  pageSize: number;
}) {
  const { db, fields, where, page, pageSize } = input;
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...fields, orderNumber: orders.number })
      .from(outbox)
      .leftJoin(orders, eq(outbox.orderId, orders.id))
      .where(where)
      .orderBy(desc(outbox.id))
      .limit(pageSize)
      .offset((Math.max(page, 1) - 1) * pageSize),
    db.select({ count: count() }).from(outbox).where(where),
  ]);
  const totalCount = total?.count ?? 0;
  return { rows, totalCount, pageCount: Math.max(1, Math.ceil(totalCount / pageSize)) };
}

export type MailboxRow = Awaited<ReturnType<typeof listMessages>>["rows"][number];

export async function getMessage({ db, id }: { db: DbOrTx; id: number }) {
  const [row] = await db
    .select({ message: outbox, orderNumber: orders.number })
    .from(outbox)
    .leftJoin(orders, eq(outbox.orderId, orders.id))
    .where(eq(outbox.id, id));
  return row;
}
