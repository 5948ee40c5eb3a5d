import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle, DbOrTx } from "@/db";
import { compiledQueries, drizzleInternals } from "@/db/compiled-query";
import { inOwnTransaction } from "@/db/transaction";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
// Imported for the statements they compile: every one must be checked below.
import "@/lib/api/rate-limit";
import "@/lib/api/routes/find-order";
import "@/lib/api/views";
import { createApiKey, presentedKey } from "@/lib/integrations/api-keys";
import "@/lib/integrations/idempotency";
import "@/lib/rate-limit";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import "@/lib/notifications/enqueue";
import "@/lib/settings";
import "./fast-path";
import "./transition-check";

let handle: DbHandle;
let db: Db;
let samples: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  const wf = await createRetailWorkflow(db);
  const order = await createTestOrder(db, wf.type.code);
  const now = new Date("2026-12-05T10:11:12.345Z");
  const apiKey = await createApiKey(db, { name: "Fast path", scope: "write" }, SYSTEM_AUDIT_ACTOR);
  if (!apiKey.ok) throw new Error(apiKey.error.message);
  samples = {
    "orders.selectForUpdate": { order: order.id },
    "orders.selectByNumberForUpdate": { order: order.number },
    "orders.checkByStatusId": { order: order.id, to: wf.status.awaiting_payment.id, userId: null },
    "orders.checkByStatusCode": { order: order.id, to: wf.status.awaiting_payment.code, userId: null },
    "orders.checkByNumberAndStatusId": { order: order.number, to: wf.status.awaiting_payment.id, userId: null },
    "orders.checkByNumberAndStatusCode": { order: order.number, to: wf.status.awaiting_payment.code, userId: null },
    "orders.updateStatus": { orderId: order.id, statusId: wf.status.awaiting_payment.id, version: order.version + 1, now },
    "orders.insertStatusEvent": {
      id: 900_001,
      orderId: order.id,
      fromStatusId: wf.status.new.id,
      toStatusId: wf.status.awaiting_payment.id,
      actorType: "user",
      actorId: "7",
      actorLabel: "Stan Staff",
      comment: "A comment",
      customerVisible: true,
      data: { undoes: 41 },
      now,
    },
    "outbox.insertMessage": {
      kind: "email",
      orderId: order.id,
      eventId: null,
      recipient: "customer@example.com",
      payload: { subject: "Zamówienie", html: "<p>x</p>", text: "x" },
      idempotencyKey: "fast-path-test",
      state: "pending",
      lastError: null,
      template: JSON.stringify({ statusId: wf.status.awaiting_payment.id, channel: "email", audience: "customer" }),
      holdSeconds: 30,
      duplicateWindowHours: 24,
    },
    "settings.message": {},
    "api.allStatuses": {},
    "api.allGroups": {},
    "api.allTypeCodes": {},
    "api.catalogueRevision": {},
    "api.orderByNumber": { number: order.number },
    "apiKeys.byPrefix": { prefix: apiKey.value.key.prefix },
    "idempotency.claim": { apiKeyId: apiKey.value.key.id, key: "fast-path", method: "POST", path: "/orders", requestHash: "0".repeat(64) },
    "idempotency.storeResponse": { id: 1, responseStatus: 200, responseBody: { number: order.number }, completedAt: now },
    "rateLimit.countOnItsOwn": { key: "fast-path:a", windowStart: now },
    "api.keyAndCountOnItsOwn": { ...presentedKey(apiKey.value.secret), counterPrefix: "fast-path-key:", windowStart: now },
    "api.keyAndCountInTransaction": { ...presentedKey(apiKey.value.secret), counterPrefix: "fast-path-key:", windowStart: now },
    "rateLimit.countInTransaction": { key: "fast-path:b", windowStart: now },
  };
});
afterAll(async () => handle?.close());

// Ids drawn from a sequence, which no rollback gives back: two runs differ there by design.
const DRAWN: Record<string, string[]> = {
  "orders.checkByStatusId": ["eventId"],
  "orders.checkByStatusCode": ["eventId"],
  "orders.checkByNumberAndStatusId": ["eventId"],
  "orders.checkByNumberAndStatusCode": ["eventId"],
  "outbox.insertMessage": ["id"],
  "idempotency.claim": ["id"],
};

function withoutDrawnIds(answer: unknown, drawn: string[]): unknown {
  if (!Array.isArray(answer) || drawn.length === 0) return answer;
  return answer.map((row: Record<string, unknown>) => ({ ...row, ...Object.fromEntries(drawn.map((key) => [key, typeof row[key]])) }));
}

/** Runs `query` in a transaction that is rolled back, with what it answered and the rows it left. */
async function answerAndEffect(query: (tx: DbOrTx) => Promise<unknown>, orderId: number, drawn: string[]) {
  return inOwnTransaction(
    db,
    async (tx) => {
      const answer = await query(tx);
      const after = await tx.execute(
        `select (select row_to_json(o) from orders o where id = ${orderId}) as order_row, (select count(*) from outbox) as messages, (select count(*) from order_events) as events` as never,
      );
      return { answer: withoutDrawnIds(answer, drawn), after: JSON.stringify(after) };
    },
    () => false,
  );
}

describe("the compiled statements of the status change", () => {
  it("rely on drizzle internals that are still there", () => {
    expect(typeof drizzleInternals.orderSelectedFields).toBe("function");
    expect(typeof drizzleInternals.prepareQuery(db)).toBe("function");
  });

  it("are each checked here (a new one needs its sample values)", () => {
    expect([...compiledQueries.keys()].filter((name) => !name.startsWith("test.")).sort()).toEqual(Object.keys(samples).sort());
  });

  it("answer and write exactly what drizzle's own prepared statement does", async () => {
    const orderId = samples["orders.selectForUpdate"]!.order as number;
    for (const [name, values] of Object.entries(samples)) {
      const statement = compiledQueries.get(name)!;
      const drawn = DRAWN[name] ?? [];
      const compiled = await answerAndEffect((tx) => statement(tx, values), orderId, drawn);
      const publicApi = await answerAndEffect(
        (tx) => (statement.build(tx) as unknown as { prepare: (n: string) => { execute: (v: unknown) => Promise<unknown> } }).prepare(`check_${name.replace(/\W/g, "_")}`).execute(values),
        orderId,
        drawn,
      );
      expect(compiled, name).toEqual(publicApi);
      // An answer that says nothing would make the comparison empty: every read and returning
      // statement here answers with rows. A plain update answers the driver's own summary (an
      // empty array with a count on postgres.js, an object on PGlite), so only its effect counts.
      if (statement.answersRows) expect((compiled.answer as unknown[]).length, name).toBeGreaterThan(0);
    }
  });
});
