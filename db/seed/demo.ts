import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, roles, roleStatusRights, settings, statuses, users, type BuiltInRole, type RoleArea } from "@/db/schema";
import { builtInRoleId } from "@/lib/roles/built-in";
import { hashPassword } from "@/lib/auth/password";
import { loadWorkflowDefinition } from "@/lib/orders/workflow-definition";
import { applyPreset } from "./apply-preset";
import { addAnalyticsRollups, insertEncodedBatch, skipForeignKeyChecks } from "./bulk-insert";
import { demoBatches, type BatchPlan } from "./demo-batches";
import type { DemoActor, DemoContext, DemoOrderType } from "./demo-orders";
import { retailPreset, wholesalePreset } from "./presets";
import { applyAfterSalesPresets } from "./apply-after-sales";
import { inTransaction } from "@/db/transaction";

export const DEFAULT_DEMO_ORDERS = 300;
const DEFAULT_BATCH_SIZE = 5_000;
const DEFAULT_SEED = 20_240_601;

/** A role the demo shop defined for itself: its warehouse, which scans and moves parcels but neither cancels nor completes. */
export const DEMO_WAREHOUSE_ROLE = {
  name: "Magazyn",
  areas: ["scan"] as RoleArea[],
  statusCodes: ["picking", "packing", "in_progress", "awaiting_dispatch", "shipped"],
};

export type DemoAccount = { email: string; password: string; name: string; role: BuiltInRole | "warehouse" };

/** Sign-in accounts for trying the app. Demo only: never seed them into a real shop. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@example.com", password: "demo-admin", name: "Ada Admin", role: "admin" },
  { email: "staff@example.com", password: "demo-staff", name: "Stan Staff", role: "staff" },
  { email: "magazyn@example.com", password: "demo-magazyn", name: "Marek Magazyn", role: "warehouse" },
];

export const DEMO_SETTINGS = {
  shopName: "Sklep Demo",
  defaultLocale: "pl",
  currency: "PLN",
  // The IBAN registry's sample Polish account: the right shape, nobody's money.
  bankAccount: "PL61 1090 1014 0000 0712 1981 2874",
  supportEmail: "sklep@example.com",
  supportPhone: "+48 22 123 45 67",
  // The seller on demo documents; the NIP is a textbook example with a valid check digit.
  sellerName: "Sklep Demo sp. z o.o.",
  sellerTaxId: "1234563218",
  sellerAddress: "ul. Przykładowa 12\n00-950 Warszawa\nPolska",
  courierTrackingLinks: {
    inpost: "https://inpost.pl/sledzenie-przesylek?number={trackingNumber}",
    dpd: "https://tracktrace.dpd.com.pl/parcelDetails?typ=1&p1={trackingNumber}",
    dhl: "https://www.dhl.com/pl-pl/home/tracking/tracking-parcel.html?submit=1&tracking-id={trackingNumber}",
    poczta_polska: "https://emonitoring.poczta-polska.pl/?numer={trackingNumber}",
  },
} as const;

export type SeedDemoOptions = {
  /** Ensure at least this many orders exist (default 300); only the shortfall is created. */
  orders?: number;
  log?: (message: string) => void;
  batchSize?: number;
  /** PRNG seed: the same seed, existing count and target give the same orders. */
  seed?: number;
  /** Latest moment a demo event may carry (default: the current time). */
  now?: Date;
  /** Generate batches on a worker thread while the database inserts (default: true). */
  worker?: boolean;
};

export type SeedDemoResult = {
  ordersBefore: number;
  ordersCreated: number;
  eventsCreated: number;
  orderTypeIds: { retail: number; wholesale: number };
  accounts: readonly DemoAccount[];
  elapsedMs: number;
};

/**
 * Fills in the shop settings an admin has not set yet: the shop name while it is the default,
 * and any empty contact field. Never overwrites what someone has already chosen.
 */
async function ensureDemoSettings(db: DbOrTx): Promise<void> {
  await db
    .insert(settings)
    .values({ id: true, ...DEMO_SETTINGS })
    .onConflictDoUpdate({
      target: settings.id,
      set: {
        shopName: sql`case when ${settings.shopName} = 'My shop' then excluded.shop_name else ${settings.shopName} end`,
        bankAccount: sql`coalesce(${settings.bankAccount}, excluded.bank_account)`,
        supportEmail: sql`coalesce(${settings.supportEmail}, excluded.support_email)`,
        supportPhone: sql`coalesce(${settings.supportPhone}, excluded.support_phone)`,
        sellerName: sql`coalesce(${settings.sellerName}, excluded.seller_name)`,
        sellerTaxId: sql`coalesce(${settings.sellerTaxId}, excluded.seller_tax_id)`,
        sellerAddress: sql`coalesce(${settings.sellerAddress}, excluded.seller_address)`,
        courierTrackingLinks: sql`excluded.courier_tracking_links || ${settings.courierTrackingLinks}`,
      },
    });
}

/**
 * The warehouse role, when the shop has no role of that name yet: it may move orders of every
 * order type only into the packing and shipping statuses.
 */
async function ensureDemoWarehouseRole(db: DbOrTx, orderTypeIds: number[]): Promise<number> {
  const [existing] = await db.select({ id: roles.id }).from(roles).where(sql`lower(${roles.name}) = lower(${DEMO_WAREHOUSE_ROLE.name})`);
  if (existing) return existing.id;
  const [role] = await db
    .insert(roles)
    .values({ name: DEMO_WAREHOUSE_ROLE.name, areas: DEMO_WAREHOUSE_ROLE.areas, limitsStatuses: true })
    .returning({ id: roles.id });
  const targets = await db.select({ id: statuses.id }).from(statuses).where(inArray(statuses.code, DEMO_WAREHOUSE_ROLE.statusCodes));
  const rights = orderTypeIds.flatMap((orderTypeId) => targets.map((t) => ({ roleId: role!.id, orderTypeId, statusId: t.id })));
  if (rights.length > 0) await db.insert(roleStatusRights).values(rights).onConflictDoNothing();
  return role!.id;
}

/** Creates the demo accounts that are missing (hashing is slow, so existing ones are skipped). */
async function ensureDemoUsers(db: DbOrTx, orderTypeIds: number[]): Promise<DemoActor[]> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const have = new Set(existing.map((u) => u.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !have.has(a.email));
  if (missing.length > 0) {
    const roleIds: Record<DemoAccount["role"], number> = {
      admin: await builtInRoleId(db, "admin"),
      staff: await builtInRoleId(db, "staff"),
      warehouse: await ensureDemoWarehouseRole(db, orderTypeIds),
    };
    const values = await Promise.all(
      missing.map(async (a) => ({
        email: a.email,
        name: a.name,
        roleId: roleIds[a.role],
        passwordHash: await hashPassword(a.password),
      })),
    );
    await db.insert(users).values(values).onConflictDoNothing({ target: users.email });
  }
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.email, emails))
    .orderBy(users.id);
  return rows.map((u) => ({ type: "user", id: String(u.id), label: u.name }));
}

async function loadOrderType(
  db: DbOrTx,
  id: number,
  code: string,
  wholesale: boolean,
  dwell: Map<number, number>,
): Promise<DemoOrderType> {
  const def = await loadWorkflowDefinition(db, id);
  if (!def) throw new Error(`order type ${code} vanished`);
  return { id, code, wholesale, def, meanDwellHours: dwell };
}

/** Typical wait per status: about a third of its SLA, a day for closed ones. */
async function loadMeanDwellHours(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db.select({ id: statuses.id, slaHours: statuses.slaHours }).from(statuses);
  return new Map(rows.map((r) => [r.id, r.slaHours === null ? 24 : r.slaHours * 0.3] as const));
}

async function countOrders(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orders);
  return Number(row?.n ?? 0);
}

const formatCount = (n: number): string => n.toLocaleString("en-US");
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Demo data for trying Orderly: settings, the demo accounts, the retail and wholesale processes,
 * and orders with consistent histories. Idempotent: it only adds what is missing, so running it
 * again, or with a larger `orders`, tops up rather than duplicates.
 */
export async function seedDemo(db: DbOrTx, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const target = options.orders ?? DEFAULT_DEMO_ORDERS;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const seed = options.seed ?? DEFAULT_SEED;
  const now = (options.now ?? new Date()).getTime();

  await ensureDemoSettings(db);
  const retail = await applyPreset(db, {
    preset: retailPreset,
    locale: "en",
    orderType: { code: "retail", name: "Retail", translations: { pl: { name: "Detaliczne" } } },
  });
  const wholesale = await applyPreset(db, {
    preset: wholesalePreset,
    locale: "en",
    orderType: { code: "wholesale", name: "Wholesale", translations: { pl: { name: "Hurtowe" } } },
  });
  // Returns and complaints, started by customers on the tracking page of a completed demo order.
  await applyAfterSalesPresets(db, "en");
  const orderTypeIds = { retail: retail.orderTypeId, wholesale: wholesale.orderTypeId };
  const staff = await ensureDemoUsers(db, [retail.orderTypeId, wholesale.orderTypeId]);

  const ordersBefore = await countOrders(db);
  const missing = Math.max(0, target - ordersBefore);
  const result = (ordersCreated: number, eventsCreated: number): SeedDemoResult => ({
    ordersBefore,
    ordersCreated,
    eventsCreated,
    orderTypeIds,
    accounts: DEMO_ACCOUNTS,
    elapsedMs: performance.now() - started,
  });
  if (missing === 0) {
    log(`Demo orders: ${formatCount(ordersBefore)} exist (at least ${formatCount(target)} wanted), none added.`);
    return result(0, 0);
  }

  const dwell = await loadMeanDwellHours(db);
  const ctx: DemoContext = {
    retail: await loadOrderType(db, retail.orderTypeId, "retail", false, dwell),
    wholesale: await loadOrderType(db, wholesale.orderTypeId, "wholesale", true, dwell),
    staff,
    system: { type: "system", id: null, label: "System" },
    now,
  };

  log(`Demo orders: ${formatCount(ordersBefore)} exist, adding ${formatCount(missing)}...`);
  const plan: BatchPlan = { seed, ordersBefore, missing, batchSize, now };
  let created = 0;
  let events = 0;
  for await (const batch of demoBatches(ctx, plan, { worker: options.worker ?? true, log })) {
    await inTransaction(db, async (tx) => {
      const triggersSkipped = await skipForeignKeyChecks(tx);
      const ids = await insertEncodedBatch(tx, batch);
      if (triggersSkipped) await addAnalyticsRollups(tx, ids);
    });
    created += batch.count;
    events += batch.eventCount;
    log(`  ${formatCount(created)} / ${formatCount(missing)} orders, ${formatCount(events)} events (${seconds(performance.now() - started)})`);
  }
  // Fresh statistics for the planner: PGlite has no autovacuum, and without them a large demo
  // database plans the board's per-column queries badly until someone runs ANALYZE.
  await db.execute(sql`analyze orders, order_events, order_search`);
  const done = result(created, events);
  log(`Demo orders: added ${formatCount(created)} (${formatCount(ordersBefore + created)} in total) in ${seconds(done.elapsedMs)}.`);
  return done;
}
