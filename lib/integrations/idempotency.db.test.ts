import net from "node:net";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle, Tx } from "@/db";
import { idempotencyKeys, statusGroups } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { createApiKey } from "./api-keys";
import { purgeIdempotencyKeys, requestHash, runIdempotent, runIdempotentInSteps, type StoredResponse } from "./idempotency";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let apiKeyId: number;
beforeAll(async () => {
  handle = await openTestDb();
  const created = await createApiKey(handle.db, { name: "Idempotency test", scope: "write" }, SYSTEM_AUDIT_ACTOR);
  if (!created.ok) throw new Error(created.error.message);
  apiKeyId = created.value.key.id;
});
afterAll(async () => {
  await handle?.close();
});

/** A real write the test can count: one status group per call, keyed by a unique tag. */
function writeGroup(tag: string, status = 201) {
  return async (tx: Tx): Promise<StoredResponse> => {
    const [row] = await tx
      .insert(statusGroups)
      .values({ key: `${tag}_${Math.random().toString(36).slice(2, 8)}`, name: tag, colour: "#000000", kind: "new" })
      .returning();
    return { status, body: { id: row!.id, tag } };
  };
}

async function groupsNamed(tag: string) {
  const [row] = await handle.db.select({ n: count() }).from(statusGroups).where(eq(statusGroups.name, tag));
  return row!.n;
}

const req = (key: string, body: unknown) => ({ apiKeyId, key, method: "POST", path: "/orders", body });

describe("runIdempotent", () => {
  it("answers a retry with the stored response and writes once", async () => {
    const first = await runIdempotent(handle.db, req("k-replay", { a: 1, b: 2 }), writeGroup("replay"));
    const again = await runIdempotent(handle.db, req("k-replay", { b: 2, a: 1 }), writeGroup("replay"));
    expect(first.kind).toBe("fresh");
    expect(again).toEqual({ kind: "replayed", response: first.kind === "fresh" ? first.response : undefined });
    expect(await groupsNamed("replay")).toBe(1);
  });

  it("refuses the same key with another body and writes nothing", async () => {
    await runIdempotent(handle.db, req("k-other", { a: 1 }), writeGroup("other"));
    const clash = await runIdempotent(handle.db, req("k-other", { a: 2 }), writeGroup("other"));
    expect(clash).toEqual({ kind: "conflict" });
    expect(await groupsNamed("other")).toBe(1);
  });

  it("keeps keys apart per API key and per path", async () => {
    expect(requestHash("POST", "/orders", { a: 1 })).not.toBe(requestHash("POST", "/orders/X/payments", { a: 1 }));
    const other = await createApiKey(handle.db, { name: "Another client", scope: "write" }, SYSTEM_AUDIT_ACTOR);
    if (!other.ok) throw new Error("key");
    await runIdempotent(handle.db, req("k-shared", {}), writeGroup("shared"));
    const second = await runIdempotent(handle.db, { ...req("k-shared", {}), apiKeyId: other.value.key.id }, writeGroup("shared"));
    expect(second.kind).toBe("fresh");
    expect(await groupsNamed("shared")).toBe(2);
  });

  it("stores no refusal: the retry runs again", async () => {
    const refused = await runIdempotent(handle.db, req("k-refused", {}), writeGroup("refused", 409));
    expect(refused).toMatchObject({ kind: "fresh", response: { status: 409 } });
    // The refusal's own write (if any) was rolled back with the record.
    expect(await groupsNamed("refused")).toBe(0);
    const retried = await runIdempotent(handle.db, req("k-refused", {}), writeGroup("refused"));
    expect(retried).toMatchObject({ kind: "fresh", response: { status: 201 } });
    expect(await groupsNamed("refused")).toBe(1);
  });

  it("rolls the record back with the write when the work throws", async () => {
    await expect(
      runIdempotent(handle.db, req("k-throws", {}), async (tx) => {
        await writeGroup("throws")(tx);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await groupsNamed("throws")).toBe(0);
    const [row] = await handle.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, "k-throws"));
    expect(row!.n).toBe(0);
  });

  it("lets concurrent duplicates write once: the second waits and gets the first's answer", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => runIdempotent(handle.db, req("k-race", { same: true }), writeGroup("race"))),
    );
    expect(await groupsNamed("race")).toBe(1);
    expect(results.filter((r) => r.kind === "fresh")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "replayed")).toHaveLength(3);
    const bodies = new Set(results.map((r) => (r.kind === "conflict" ? null : JSON.stringify(r.response))));
    expect(bodies.size).toBe(1);
  });

  it("rolls back a duplicate's work even when it failed, and still answers it with the first's response", async () => {
    const first = await runIdempotent(handle.db, req("k-failing-duplicate", {}), writeGroup("failing-duplicate"));
    const failing = async (tx: Tx): Promise<StoredResponse> => {
      await writeGroup("failing-duplicate")(tx);
      throw new Error("the duplicate's work failed");
    };
    const repeat = await runIdempotent(handle.db, req("k-failing-duplicate", {}), failing);
    expect(repeat).toEqual({ kind: "replayed", response: first.kind === "fresh" ? first.response : null });
    expect(await groupsNamed("failing-duplicate")).toBe(1);
  });

  it("lets a duplicate's slower work finish before rolling it back, so none of it lands outside the transaction", async () => {
    const first = await runIdempotent(handle.db, req("k-slow-duplicate", {}), writeGroup("slow-duplicate"));
    // The claim answers "taken" at once; the work writes only later, as a real service's later statements do.
    const slow = async (tx: Tx): Promise<StoredResponse> => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return writeGroup("slow-duplicate")(tx);
    };
    const repeat = await runIdempotent(handle.db, req("k-slow-duplicate", {}), slow);
    expect(repeat).toEqual({ kind: "replayed", response: first.kind === "fresh" ? first.response : null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await groupsNamed("slow-duplicate")).toBe(1);
  });

  it.skipIf(handle?.kind === "pglite" || !process.env.TEST_DATABASE_URL)("sends the claim and the work's first statement in one write (postgres.js)", async () => {
    const writes: string[] = [];
    const write = net.Socket.prototype.write;
    net.Socket.prototype.write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
      if (typeof chunk !== "string" && this.remotePort !== undefined) writes.push(Buffer.from(chunk as Uint8Array).toString("latin1"));
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof write;
    const work = async (tx: Tx): Promise<StoredResponse> => {
      await tx.execute(sql`select 'the work' as marker`);
      return { status: 200, body: {} };
    };
    // A statement's first run on a connection waits for Postgres to describe it; later runs do not.
    // Run on every connection of the pool first, so whichever the measured run gets is warm.
    await Promise.all(Array.from({ length: 30 }, (_, i) => runIdempotent(handle.db, req(`k-one-write-warm-${i}`, {}), work)));
    try {
      writes.length = 0;
      await runIdempotent(handle.db, req("k-one-write", {}), work);
    } finally {
      net.Socket.prototype.write = write;
    }
    // The claim is a prepared statement by now: its write carries its bound values, the key among them.
    const shown = writes.map((w) => w.replace(/[^ -~]/g, ".")).join(" || ");
    const claim = writes.find((w) => w.includes("k-one-write"));
    expect(claim, shown).toBeDefined();
    expect(claim, shown).toContain("begin");
    expect(claim, shown).toContain("select 'the work' as marker");
  });

  it("rolls the work back and fails when its answer cannot be stored", async () => {
    // jsonb refuses a NUL character: the answer's store fails after the work has written.
    const unstorable = async (tx: Tx): Promise<StoredResponse> => ({ ...(await writeGroup("unstorable")(tx)), body: { note: "a\u0000b" } });
    await expect(runIdempotent(handle.db, req("k-unstorable", {}), unstorable)).rejects.toThrow();
    expect(await groupsNamed("unstorable")).toBe(0);
    const [record] = await handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "k-unstorable"));
    expect(record).toBeUndefined();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("sends the stored answer with the COMMIT, in one write (postgres.js)", async () => {
    const writes: string[] = [];
    const write = net.Socket.prototype.write;
    const work = async (tx: Tx): Promise<StoredResponse> => {
      await tx.execute(sql`select 'the work' as marker`);
      // Over 1 kB, as an order's answer is: postgres.js used to send such a message on its own at once.
      return { status: 200, body: { answer: "the-stored-answer", items: "x".repeat(2000) } };
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => runIdempotent(handle.db, req(`k-commit-warm-${i}`, {}), work)));
    net.Socket.prototype.write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
      if (typeof chunk !== "string" && this.remotePort !== undefined) writes.push(Buffer.from(chunk as Uint8Array).toString("latin1"));
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof write;
    try {
      await runIdempotent(handle.db, req("k-commit", {}), work);
    } finally {
      net.Socket.prototype.write = write;
    }
    const shown = writes.map((w) => w.replace(/[^ -~]/g, ".")).join(" || ");
    // The COMMIT is the last message of the transaction (a prepared statement by now, so its text
    // is not in the write): the stored answer's write is the last one when they travel together.
    expect(writes.findIndex((w) => w.includes("the-stored-answer")), shown).toBe(writes.length - 1);
  });

  it("purges records older than 24 hours", async () => {
    await runIdempotent(handle.db, req("k-old", {}), writeGroup("old"));
    await handle.db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - 25 * 3600_000) }).where(eq(idempotencyKeys.key, "k-old"));
    expect(await purgeIdempotencyKeys(handle.db)).toBeGreaterThanOrEqual(1);
    const [row] = await handle.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, "k-old"));
    expect(row!.n).toBe(0);
  });
});

describe("runIdempotentInSteps (ADR 0140)", () => {
  const bulk = (key: string, body: unknown) => ({ apiKeyId, key, method: "POST", path: "/transitions", body });
  const recordOf = async (key: string) => (await handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0];
  /** Two steps, each committed in a transaction of its own, as a bulk change commits each order. */
  const twoSteps = (tag: string, status = 200) => async (): Promise<StoredResponse> => {
    const first = await handle.db.transaction((tx) => writeGroup(tag)(tx));
    await handle.db.transaction((tx) => writeGroup(tag)(tx));
    return { status, body: { ...(first.body as object), steps: 2 } };
  };

  it("commits the claim before the steps, the answer after them, and replays it", async () => {
    let claimSeen: unknown;
    const first = await runIdempotentInSteps(handle.db, bulk("s-replay", { n: 1 }), async () => {
      claimSeen = await recordOf("s-replay");
      return twoSteps("s-replay")();
    });
    expect(claimSeen).toMatchObject({ responseStatus: null, completedAt: null });
    expect(first.kind).toBe("fresh");
    expect(await recordOf("s-replay")).toMatchObject({ responseStatus: 200, completedAt: expect.any(Date) });
    const again = await runIdempotentInSteps(handle.db, bulk("s-replay", { n: 1 }), twoSteps("s-replay"));
    expect(again).toEqual({ kind: "replayed", response: first.kind === "fresh" ? first.response : undefined });
    expect(await groupsNamed("s-replay")).toBe(2);
    expect(await runIdempotentInSteps(handle.db, bulk("s-replay", { n: 2 }), twoSteps("s-replay"))).toEqual({ kind: "conflict" });
  });

  it("gives the claim up on a refusal or a failure; the steps that committed stay", async () => {
    const refused = await runIdempotentInSteps(handle.db, bulk("s-refused", {}), async () => ({ status: 422, body: {} }));
    expect(refused).toEqual({ kind: "fresh", response: { status: 422, body: {} } });
    expect(await recordOf("s-refused")).toBeUndefined();

    const failing = runIdempotentInSteps(handle.db, bulk("s-failed", {}), async () => {
      await handle.db.transaction((tx) => writeGroup("s-failed")(tx));
      throw new Error("the process fell over");
    });
    await expect(failing).rejects.toThrow("the process fell over");
    expect(await recordOf("s-failed")).toBeUndefined();
    expect(await groupsNamed("s-failed")).toBe(1);
    expect((await runIdempotentInSteps(handle.db, bulk("s-failed", {}), twoSteps("s-failed"))).kind).toBe("fresh");
  });

  it("answers a duplicate in progress, and keeps the first answer when a slow request's lapsed claim was taken over", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = runIdempotentInSteps(handle.db, bulk("s-slow", {}), async () => {
      await gate;
      return { status: 200, body: { by: "slow" } };
    });
    await expect.poll(() => recordOf("s-slow")).toBeDefined();
    expect(await runIdempotentInSteps(handle.db, bulk("s-slow", {}), twoSteps("s-slow"))).toEqual({ kind: "in_progress" });

    await handle.db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - 6 * 60_000) }).where(eq(idempotencyKeys.key, "s-slow"));
    const retry = await runIdempotentInSteps(handle.db, bulk("s-slow", {}), async () => ({ status: 200, body: { by: "retry" } }));
    expect(retry).toEqual({ kind: "fresh", response: { status: 200, body: { by: "retry" } } });
    release();
    await slow;
    expect(await recordOf("s-slow")).toMatchObject({ responseStatus: 200, responseBody: { by: "retry" } });
  });
});
