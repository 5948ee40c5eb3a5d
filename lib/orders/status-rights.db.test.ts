import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, roles, roleStatusRights, users } from "@/db/schema";
import { builtInRoleId } from "@/lib/roles/built-in";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { transitionOrders } from "./bulk-transition";
import { transitionOrder } from "./transition";

let handle: DbHandle;
let db: Db;
let wf: Awaited<ReturnType<typeof createRetailWorkflow>>;
let warehouse: { id: number; name: string };
let clerk: { id: number; name: string };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  wf = await createRetailWorkflow(db);
  // The warehouse may pick and ship, not ask for payment or cancel.
  const [role] = await db.insert(roles).values({ name: "Magazyn", areas: ["scan"], limitsStatuses: true }).returning();
  await db.insert(roleStatusRights).values(
    [wf.status.picking, wf.status.shipped].map((s) => ({ roleId: role!.id, orderTypeId: wf.type.id, statusId: s.id })),
  );
  warehouse = (await db.insert(users).values({ email: "marek@example.com", name: "Marek", roleId: role!.id }).returning())[0]!;
  clerk = (await db.insert(users).values({ email: "stan@example.com", name: "Stan", roleId: await builtInRoleId(db, "staff") }).returning())[0]!;
});
afterAll(async () => handle?.close());

const asUser = (user: { id: number; name: string }) => ({ type: "user" as const, id: String(user.id), label: user.name });

async function historyOf(orderId: number) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
}

describe("status rights of a role, enforced by the one transition service", () => {
  it("refuses a member a status their role does not list, with its own code and the role, and writes nothing", async () => {
    const order = await createTestOrder(db, wf.type.code);
    const before = await historyOf(order.id);
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.cancelled.id }, actor: asUser(warehouse) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("status_not_permitted");
    expect(result.error.code === "status_not_permitted" && result.error.details).toEqual({ role: { builtIn: null, name: "Magazyn" } });
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.statusId).toBe(wf.status.new.id);
    expect(row?.version).toBe(order.version);
    expect(await historyOf(order.id)).toEqual(before);
  });

  it("lets the member into the statuses their role lists, the guards still applying", async () => {
    const order = await createTestOrder(db, wf.type.code);
    const unpaid = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: asUser(warehouse) });
    expect(!unpaid.ok && unpaid.error.code).toBe("guard_failed");
    const paid = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const moved = await transitionOrder(db, { orderId: paid.id, to: { id: wf.status.picking.id }, actor: asUser(warehouse) });
    expect(moved.ok).toBe(true);
  });

  it("does not limit a role without status rights, the API or automations", async () => {
    for (const actor of [asUser(clerk), { type: "api" as const, id: "1", label: "ERP" }, { type: "automation" as const, id: "1", label: "Rule" }]) {
      const order = await createTestOrder(db, wf.type.code);
      const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.cancelled.id }, actor });
      expect(result.ok, actor.type).toBe(true);
    }
  });

  it("holds the rights per order type: rights in another type open nothing here", async () => {
    const other = await createRetailWorkflow(db);
    const order = await createTestOrder(db, other.type.code, { paymentMethod: "cod" });
    const result = await transitionOrder(db, { orderId: order.id, to: { id: other.status.picking.id }, actor: asUser(warehouse) });
    expect(!result.ok && result.error.code).toBe("status_not_permitted");
  });

  it("reports the role's refusal per order in a bulk change", async () => {
    const a = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const b = await createTestOrder(db, wf.type.code);
    const report = await transitionOrders(db, { orders: [{ orderId: a.id }, { orderId: b.id }], to: { id: wf.status.cancelled.id }, actor: asUser(warehouse) });
    expect(report.map((line) => (line.result.ok ? "ok" : line.result.error.code))).toEqual(["status_not_permitted", "status_not_permitted"]);
  });
});
