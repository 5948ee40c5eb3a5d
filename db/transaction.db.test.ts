import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { statusGroups } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { inOwnTransaction, inTransaction, isRefusal } from "./transaction";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

const group = (key: string) => ({ key, name: key, colour: "#123456", kind: "new" as const, position: 1 });
const stored = async (key: string) => handle.db.select().from(statusGroups).where(eq(statusGroups.key, key));
const refusal = { ok: false as const, error: { code: "validation_failed", message: "no" } };

describe("inTransaction", () => {
  it("opens a transaction of its own when given the client, committed when the work's answer is kept", async () => {
    const answer = await inTransaction(handle.db, async (tx) => {
      await tx.insert(statusGroups).values(group("own"));
      return { ok: true as const, value: 1 };
    });
    expect(answer).toEqual({ ok: true, value: 1 });
    expect(await stored("own")).toHaveLength(1);
  });

  it("rolls its own transaction back when the answer is a refusal, and returns the refusal as a value", async () => {
    const answer = await inTransaction(handle.db, async (tx) => {
      await tx.insert(statusGroups).values(group("refused"));
      return refusal;
    });
    expect(answer).toBe(refusal);
    expect(await stored("refused")).toEqual([]);
  });

  it("rolls back whatever `keep` turns down, whatever the answer's shape", async () => {
    const answer = await inTransaction(
      handle.db,
      async (tx) => {
        await tx.insert(statusGroups).values(group("dry"));
        return "report";
      },
      () => false,
    );
    expect(answer).toBe("report");
    expect(await stored("dry")).toEqual([]);
  });

  it("rolls back on a throw and lets the error through", async () => {
    const boom = new Error("boom");
    await expect(
      inTransaction(handle.db, async (tx) => {
        await tx.insert(statusGroups).values(group("thrown"));
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await stored("thrown")).toEqual([]);
  });

  it("joins the caller's transaction when given one: no savepoint, and the caller's rollback undoes it", async () => {
    let seenInside = 0;
    const outcome = await inTransaction(handle.db, async (outer) => {
      const inner = await inTransaction(outer, async (tx) => {
        expect(tx).toBe(outer);
        await tx.insert(statusGroups).values(group("joined"));
        return refusal;
      });
      seenInside = (await outer.select().from(statusGroups).where(eq(statusGroups.key, "joined"))).length;
      return inner;
    });
    // The joined work's refusal is the caller's to act on: here it passes it up, and its own
    // transaction rolls back what the joined work wrote.
    expect(outcome).toBe(refusal);
    expect(seenInside).toBe(1);
    expect(await stored("joined")).toEqual([]);
  });
});

describe("inOwnTransaction", () => {
  it("rolls back alone inside a caller's transaction when `keep` turns its answer down (a dry run in a request)", async () => {
    await inTransaction(handle.db, async (tx) => {
      const report = await inOwnTransaction(tx, async (own) => (await own.insert(statusGroups).values(group("dry-inside")).returning()).length, () => false);
      expect(report).toBe(1);
      return { ok: true as const };
    });
    expect(await stored("dry-inside")).toEqual([]);
  });

  it("undoes only its own writes when its answer is refused, and the transaction around it goes on", async () => {
    await inTransaction(handle.db, async (tx) => {
      await tx.insert(statusGroups).values(group("outer"));
      const inner = await inOwnTransaction(tx, async (savepoint) => {
        await savepoint.insert(statusGroups).values(group("inner"));
        return refusal;
      });
      expect(isRefusal(inner)).toBe(true);
      return { ok: true as const };
    });
    expect(await stored("outer")).toHaveLength(1);
    expect(await stored("inner")).toEqual([]);
  });
});

describe("isRefusal", () => {
  it("recognises `{ ok: false }` answers only", () => {
    expect([refusal, { ok: false, reason: "cycle" }].map(isRefusal)).toEqual([true, true]);
    expect([{ ok: true }, undefined, null, "x", 0, { ok: "false" }, []].map(isRefusal)).toEqual([false, false, false, false, false, false, false]);
  });
});
