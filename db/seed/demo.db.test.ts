import bcrypt from "bcryptjs";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { rowsOf } from "@/db/rows";
import {
  orderEvents,
  orders,
  orderTypes,
  roles,
  roleStatusRights,
  settings,
  statuses,
  statusGroups,
  transitions,
  users,
} from "@/db/schema";
import { loadWorkflowDefinition } from "@/lib/orders/workflow-definition";
import type { WorkflowDefinition } from "@/lib/workflow";
import { rollupDrift } from "@/tests/support/analytics-full-scan";
import { openTestDb } from "@/tests/support/test-db";
import { DEFAULT_DEMO_ORDERS, DEMO_ACCOUNTS, DEMO_WAREHOUSE_ROLE, seedDemo, type SeedDemoResult } from "./demo";
import { historyProblems } from "./test-history";

const DAY = 86_400_000;
// The default run makes 300 orders in one batch in-thread; the top-up adds 45 in worker batches.
const TOTAL = DEFAULT_DEMO_ORDERS + 45;
let h: DbHandle;
let first: SeedDemoResult;

beforeAll(async () => {
  h = await openTestDb();
  first = await seedDemo(h.db);
});

afterAll(async () => {
  await h?.close();
});

async function tableCounts() {
  const tables = { users, settings, statusGroups, statuses, orderTypes, transitions, orders, orderEvents };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, await h.db.$count(table)] as const),
  );
  return Object.fromEntries(entries);
}

describe("seedDemo", () => {
  it(`creates ${DEFAULT_DEMO_ORDERS} orders by default, with settings, accounts, two sale order types and the return and complaint processes`, async () => {
    expect(first.ordersBefore).toBe(0);
    expect(first.ordersCreated).toBe(DEFAULT_DEMO_ORDERS);
    expect(await h.db.$count(orders)).toBe(DEFAULT_DEMO_ORDERS);
    expect(first.eventsCreated).toBe(await h.db.$count(orderEvents));

    const [shop] = await h.db.select().from(settings);
    expect(shop).toMatchObject({ shopName: "Sklep Demo", defaultLocale: "pl", currency: "PLN" });
    expect(shop?.bankAccount?.replace(/ /g, "")).toMatch(/^PL\d{26}$/);
    expect(shop?.supportEmail).toMatch(/@/);
    expect(shop?.courierTrackingLinks.inpost).toBe("https://inpost.pl/sledzenie-przesylek?number={trackingNumber}");
    expect(Object.keys(shop?.courierTrackingLinks ?? {}).sort()).toEqual(["dhl", "dpd", "inpost", "poczta_polska"]);

    const types = await h.db.select().from(orderTypes).orderBy(asc(orderTypes.position));
    expect(types.map((t) => [t.code, t.name, t.kind, t.translations.pl?.name])).toEqual([
      ["retail", "Retail", "sale", "Detaliczne"],
      ["wholesale", "Wholesale", "sale", "Hurtowe"],
      ["return", "Return", "return", "Zwrot"],
      ["complaint", "Complaint", "complaint", "Reklamacja"],
    ]);
    const [awaiting] = await h.db.select().from(statuses).where(eq(statuses.code, "awaiting_payment"));
    expect(awaiting?.name).toBe("Awaiting payment");
    expect(awaiting?.translations.pl?.name).toBe("Oczekuje na płatność");
  });

  it("is idempotent: running it again changes no counts", async () => {
    const before = await tableCounts();
    const again = await seedDemo(h.db);
    expect(again.ordersCreated).toBe(0);
    expect(await tableCounts()).toEqual(before);
  });

  it("creates demo accounts that sign in with their documented passwords", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await h.db.select({ user: users, role: roles }).from(users).innerJoin(roles, eq(roles.id, users.roleId)).where(eq(users.email, account.email));
      const user = row?.user;
      expect(user).toMatchObject({ name: account.name, disabledAt: null });
      expect(row?.role.builtIn ?? "warehouse").toBe(account.role);
      expect(await bcrypt.compare(account.password, user?.passwordHash ?? "")).toBe(true);
      expect(await bcrypt.compare("wrong-password", user?.passwordHash ?? "")).toBe(false);
    }
  });

  it("gives the warehouse role rights to the packing and shipping statuses only, in both order types", async () => {
    const rights = await h.db
      .select({ code: statuses.code })
      .from(roleStatusRights)
      .innerJoin(roles, eq(roles.id, roleStatusRights.roleId))
      .innerJoin(statuses, eq(statuses.id, roleStatusRights.statusId))
      .where(eq(roles.name, DEMO_WAREHOUSE_ROLE.name));
    const codes = rights.map((r) => r.code);
    expect(codes).not.toContain("cancelled");
    expect(codes).not.toContain("completed");
    expect(codes).toContain("shipped");
    // Every right names one of the role's statuses, in each of the two order types.
    expect(new Set(codes).size * 2).toBe(codes.length);
    expect(codes.every((c) => DEMO_WAREHOUSE_ROLE.statusCodes.includes(c))).toBe(true);
  });

  it("tops up to the requested number of orders, generating on a worker thread, and no further", async () => {
    const [{ max } = { max: "" }] = await h.db.select({ max: sql<string>`max(${orders.number})` }).from(orders);
    const lines: string[] = [];
    const more = await seedDemo(h.db, { orders: TOTAL, batchSize: 15, worker: true, log: (l) => lines.push(l) });
    expect(lines).toContain("  (generating on a worker thread)");
    expect(more.ordersBefore).toBe(DEFAULT_DEMO_ORDERS);
    expect(more.ordersCreated).toBe(TOTAL - DEFAULT_DEMO_ORDERS);
    expect(await h.db.$count(orders)).toBe(TOTAL);
    const added = await h.db.select({ number: orders.number }).from(orders).where(sql`${orders.number} > ${max}`);
    expect(added).toHaveLength(TOTAL - DEFAULT_DEMO_ORDERS);

    const fewer = await seedDemo(h.db, { orders: 10 });
    expect(fewer.ordersCreated).toBe(0);
    expect(await h.db.$count(orders)).toBe(TOTAL);
  });

  it("gives every order a chained history that the workflow engine approves step by step", async () => {
    const defs = new Map<number, WorkflowDefinition>();
    for (const id of Object.values(first.orderTypeIds)) {
      const def = await loadWorkflowDefinition(h.db, id);
      if (def) defs.set(id, def);
    }
    const all = await h.db.select().from(orders).orderBy(asc(orders.id));
    const events = await h.db.select().from(orderEvents).orderBy(asc(orderEvents.orderId), asc(orderEvents.id));
    const byOrder = new Map<number, typeof events>();
    for (const e of events) {
      const list = byOrder.get(e.orderId);
      if (list) list.push(e);
      else byOrder.set(e.orderId, [e]);
    }

    const problems = all.flatMap((o) => {
      const def = defs.get(o.orderTypeId);
      if (!def) return [`${o.number}: unknown order type`];
      const history = (byOrder.get(o.id) ?? []).map((e) => ({ ...e, at: e.createdAt.getTime() }));
      return historyProblems(
        def,
        {
          ...o,
          statusChangedAt: o.statusChangedAt.getTime(),
          paidAt: o.paidAt?.getTime() ?? null,
          createdAt: o.createdAt.getTime(),
          updatedAt: o.updatedAt.getTime(),
        },
        history,
      );
    });
    expect(problems.slice(0, 10)).toEqual([]);
    // Not a degenerate walk: most orders moved on, and some were paid along the way.
    const moved = all.filter((o) => o.version > 1).length;
    expect(moved / all.length).toBeGreaterThan(0.7);
    expect(events.some((e) => e.type === "payment_recorded" && e.actorType === "user")).toBe(true);
  });

  it("never leaves an unpaid order in a payment-gated status, cash on delivery aside", async () => {
    const stuck = await h.db
      .select({ number: orders.number, status: statuses.code })
      .from(orders)
      .innerJoin(statuses, eq(orders.statusId, statuses.id))
      .where(
        and(
          eq(statuses.requiresPayment, true),
          isNull(orders.paidAt),
          sql`not (${statuses.allowCashOnDelivery} and ${orders.paymentMethod} = 'cod')`,
        ),
      );
    expect(stuck).toEqual([]);
    const unpaidCodInGate = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .innerJoin(statuses, eq(orders.statusId, statuses.id))
      .where(and(eq(statuses.requiresPayment, true), isNull(orders.paidAt)));
    // Cash-on-delivery parcels on their way are the legitimate exception, and they exist.
    expect(unpaidCodInGate[0]?.n).toBeGreaterThan(0);
  });

  it("keeps every reference intact (the bulk load skips foreign-key checks)", async () => {
    const [row] = await h.db.execute(sql`
      select
        (select count(*) from orders o left join statuses s on s.id = o.status_id where s.id is null)
        + (select count(*) from orders o left join order_types t on t.id = o.order_type_id where t.id is null)
        + (select count(*) from order_events e left join orders o on o.id = e.order_id where o.id is null)
        + (select count(*) from order_events e left join statuses s on s.id = e.from_status_id
             where e.from_status_id is not null and s.id is null)
        + (select count(*) from order_events e left join statuses s on s.id = e.to_status_id
             where e.to_status_id is not null and s.id is null)
        + (select count(*) from orders o where not exists (select 1 from order_events e where e.order_id = o.id))
        as broken
    `).then((r) => rowsOf<{ broken: number }>(r));
    expect(Number(row?.broken)).toBe(0);
  });

  it("gives every order its search row, as the triggers the bulk load skips would have", async () => {
    const [row] = await h.db.execute(sql`
      select (select count(*) from orders) as orders,
        (select count(*) from orders o left join order_search q on q.order_id = o.id
          where q.order_id is null or q is distinct from order_search_of(o)) as missing
    `).then((r) => rowsOf<{ orders: number; missing: number }>(r));
    expect(Number(row?.orders)).toBe(TOTAL);
    expect(Number(row?.missing)).toBe(0);
  });

  it("gives the analytics rollups every order's figures, as the triggers the bulk load skips would have", async () => {
    expect(await rollupDrift(h.db)).toBe(0);
    const [row] = rowsOf<{ n: number }>(await h.db.execute(sql`select coalesce(sum(n), 0)::int as n from analytics_rollup_all where figure = 'created'`));
    expect(Number(row?.n)).toBe(TOTAL);
  });

  it("makes orders that look like a Polish shop's", async () => {
    const all = await h.db.select().from(orders).orderBy(asc(orders.id));
    const now = Date.now();
    for (const o of all) {
      expect(o.number).toMatch(/^ORD-\d+$/);
      expect(o.trackingToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(o.total).toBe(o.items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0));
      expect(o.currency).toBe("PLN");
      expect(o.createdAt.getTime()).toBeGreaterThan(now - 61 * DAY);
      expect(o.updatedAt.getTime()).toBeLessThanOrEqual(now);
      expect(o.shippingAddress?.country).toBe("PL");
      expect(o.shippingAddress?.postalCode).toMatch(/^\d{2}-\d{3}$/);
      expect(o.customerPhone).toMatch(/^\+48 \d{3} \d{3} \d{3}$/);
      if (o.trackingNumber !== null) expect(o.courier).not.toBeNull();
    }
    expect(new Set(all.map((o) => o.trackingToken)).size).toBe(all.length);
    // Numbers come from the shared sequence, in creation order within each run.
    const numbers = all.map((o) => Number(o.number.slice(4)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const firstRun = all.slice(0, DEFAULT_DEMO_ORDERS).map((o) => o.createdAt.getTime());
    expect(firstRun).toEqual([...firstRun].sort((a, b) => a - b));

    const distinct = (f: (o: (typeof all)[number]) => string | null) => [...new Set(all.map(f))].sort();
    expect(distinct((o) => o.paymentMethod)).toEqual(["card", "cod", "transfer"]);
    expect(distinct((o) => o.channel)).toEqual(["allegro", "b2b", "phone", "shop"]);
    expect(distinct((o) => o.locale)).toEqual(["en", "pl"]);
    expect(distinct((o) => String(o.orderTypeId))).toHaveLength(2);
    const shipped = all.filter((o) => o.trackingNumber !== null);
    expect(new Set(shipped.map((o) => o.courier)).size).toBe(4);
    // Shipping methods as a checkout names them (the order page shows them as sent), not as codes.
    const methods = distinct((o) => o.shippingMethod);
    expect(methods).toHaveLength(4);
    for (const method of methods) expect(method).not.toMatch(/^[a-z0-9_]+$/);
  });

});
