import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { orderTypes, statusGroups, statuses } from "@/db/schema";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { listBoardOrderTypes, listBoardStatuses } from "./board";
import { listOrders } from "./order-list";
import { getMatrixEditor, listStatusGroups } from "./workflow";

let h: DbHandle;
let workflow: Awaited<ReturnType<typeof createRetailWorkflow>>;

beforeAll(async () => {
  h = await openTestDb();
  workflow = await createRetailWorkflow(h.db);
  const { status } = workflow;
  await h.db.update(statuses).set({ translations: { pl: { name: "Nowe zamówienie" } } }).where(eq(statuses.id, status.new.id));
  await h.db.update(statusGroups).set({ translations: { pl: { name: "Nowe" } } }).where(eq(statusGroups.id, status.new.groupId));
  await h.db.update(orderTypes).set({ translations: { pl: { name: "Detaliczne" } } }).where(eq(orderTypes.id, workflow.type.id));
});

afterAll(async () => {
  await h?.close();
});

describe("status and group names in the reader's language", () => {
  it("names a board's columns and their groups in Polish where translated, and as stored otherwise", async () => {
    const { type, status } = workflow;
    const inPolish = await listBoardStatuses({ db: h.db, orderTypeId: type.id, locale: "pl" });
    const fresh = inPolish.find((s) => s.id === status.new.id)!;
    expect([fresh.name, fresh.group.name]).toEqual(["Nowe zamówienie", "Nowe"]);
    const stored = (await h.db.select().from(statusGroups).where(eq(statusGroups.id, status.new.groupId)))[0]!;
    const inEnglish = await listBoardStatuses({ db: h.db, orderTypeId: type.id, locale: "en" });
    expect(inEnglish.find((s) => s.id === status.new.id)!.group.name).toBe(stored.name);
    // The shape the board reads: no translations left over to render by mistake.
    expect(Object.keys(fresh.group).sort()).toEqual(["colour", "id", "kind", "name"]);
  });

  it("names groups in Polish for the status form and the matrix editor", async () => {
    const { type, status } = workflow;
    expect((await listStatusGroups({ db: h.db, locale: "pl" })).find((g) => g.id === status.new.groupId)?.name).toBe("Nowe");
    const matrix = await getMatrixEditor({ db: h.db, code: type.code, locale: "pl" });
    expect(matrix?.groups.find((g) => g.id === status.new.groupId)?.name).toBe("Nowe");
  });

  it("names order types in Polish where translated for the filters and switches, and as stored otherwise", async () => {
    const { type } = workflow;
    const named = async (locale: string) => (await listBoardOrderTypes({ db: h.db, locale })).find((t) => t.id === type.id);
    expect(await named("pl")).toEqual({ id: type.id, code: type.code, name: "Detaliczne" });
    expect((await named("en"))?.name).toBe("Retail");
  });

  it("names each listed order's type in the reader's language", async () => {
    const { type } = workflow;
    const order = await createTestOrder(h.db, type.code);
    const typeOf = async (locale: string) => (await listOrders({ db: h.db, locale, orderTypeId: type.id })).rows.find((r) => r.id === order.id)?.orderType;
    expect(await typeOf("pl")).toBe("Detaliczne");
    expect(await typeOf("en")).toBe("Retail");
  });
});
