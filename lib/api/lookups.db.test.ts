import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderTypes, settings, statuses } from "@/db/schema";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { loadLookups } from "./views";

let handle: DbHandle;
let db: Db;
let wf: Awaited<ReturnType<typeof createRetailWorkflow>>;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  wf = await createRetailWorkflow(db);
});
afterAll(async () => handle?.close());

const nameOf = async (statusId: number, on: Parameters<typeof loadLookups>[0] = db) => (await loadLookups(on)).statusById.get(statusId)?.name;

describe("the API's lookups (kept per catalogue revision, ADR 0144)", () => {
  it("are read once and then kept while nothing they hold changes", async () => {
    await loadLookups(db); // the first read also creates the settings row, a change of its own
    const read = await loadLookups(db);
    expect(await loadLookups(db)).toBe(read);
    expect(await loadLookups(db)).toBe(read);
  });

  it("are read again after a status, a group, an order type or the app's address changes", async () => {
    const before = await loadLookups(db);
    await db.update(statuses).set({ name: "Renamed by another process" }).where(eq(statuses.id, wf.status.new.id));
    expect(await nameOf(wf.status.new.id)).toBe("Renamed by another process");

    const [type] = await db.insert(orderTypes).values({ code: "b2b_lookups", name: "B2B", initialStatusId: wf.status.new.id }).returning();
    expect((await loadLookups(db)).typeCodeById.get(type!.id)).toBe("b2b_lookups");

    await db.update(settings).set({ appUrl: "https://sklep.example.pl" });
    expect((await loadLookups(db)).appUrl).toBe("https://sklep.example.pl");
    expect(await loadLookups(db)).not.toBe(before);
  });

  it("are not read again when a setting they do not hold changes", async () => {
    const before = await loadLookups(db);
    await db.update(settings).set({ shopName: "Another name" });
    expect(await loadLookups(db)).toBe(before);
  });

  it("see a change made earlier in the caller's own transaction", async () => {
    await db.transaction(async (tx) => {
      await tx.update(statuses).set({ name: "Inside the transaction" }).where(eq(statuses.id, wf.status.new.id));
      expect(await nameOf(wf.status.new.id, tx)).toBe("Inside the transaction");
    });
  });

  it("never serve what a rolled-back change read, even when a later change commits", async () => {
    await db
      .transaction(async (tx) => {
        await tx.update(statuses).set({ name: "Never committed" }).where(eq(statuses.id, wf.status.new.id));
        expect(await nameOf(wf.status.new.id, tx)).toBe("Never committed");
        tx.rollback();
      })
      .catch(() => undefined);
    await db.update(statuses).set({ name: "Committed later" }).where(eq(statuses.id, wf.status.new.id));
    expect(await nameOf(wf.status.new.id)).toBe("Committed later");
  });
});
