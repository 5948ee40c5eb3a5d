import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { orderTypes, statusGroups, statuses, transitions, type Status } from "@/db/schema";
import { createOrder, type CreateOrderInput } from "@/lib/orders";

const uid = () => randomBytes(4).toString("hex");

const GROUPS = [
  { key: "new", kind: "new" },
  { key: "in_progress", kind: "in_progress" },
  { key: "completed", kind: "completed" },
  { key: "not_completed", kind: "not_completed" },
] as const;

type GroupKind = (typeof GROUPS)[number]["kind"];

async function ensureGroups(db: Db): Promise<Record<GroupKind, number>> {
  await db
    .insert(statusGroups)
    .values(GROUPS.map((g, position) => ({ ...g, name: g.key, colour: "#475569", position })))
    .onConflictDoNothing();
  const rows = await db.select().from(statusGroups);
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.id]));
  return byKind as Record<GroupKind, number>;
}

export type StatusSpec = Partial<typeof statuses.$inferInsert> & { name: string; kind: GroupKind };

/**
 * One status per spec, in the order given, coded `<key>_<suffix>` so a test's statuses are its
 * own, each in the shared group of its kind (the four groups are created if missing).
 */
export async function createStatuses<Key extends string>(db: Db, specs: Record<Key, StatusSpec>, suffix: string): Promise<Record<Key, Status>> {
  const groups = await ensureGroups(db);
  const created: Partial<Record<Key, Status>> = {};
  let position = 0;
  for (const [key, { kind, ...spec }] of Object.entries(specs) as [Key, StatusSpec][]) {
    const [row] = await db
      .insert(statuses)
      .values({ code: `${key}_${suffix}`, colour: "#1d4ed8", groupId: groups[kind], position: position++, ...spec })
      .returning();
    created[key] = row!;
  }
  return created as Record<Key, Status>;
}

/**
 * A small retail process with its own status codes, so every test works on data of its own:
 * new → awaiting_payment → picking (payment gate, cash on delivery allowed) → shipped → completed,
 * and cancelled from the first three.
 */
export async function createRetailWorkflow(db: Db) {
  const suffix = uid();
  const specs = {
    new: { name: "New", kind: "new", notifyCustomerEmail: true },
    awaiting_payment: { name: "Awaiting payment", kind: "new", awaitsPayment: true, notifyCustomerEmail: true, notifyCustomerSms: true },
    picking: { name: "Picking", kind: "in_progress", requiresPayment: true, allowCashOnDelivery: true },
    invoiced: { name: "Invoiced", kind: "in_progress", requiresPayment: true },
    shipped: {
      name: "Shipped",
      kind: "in_progress",
      customerLabel: "On its way",
      notifyCustomerEmail: true,
      notifyCustomerSms: true,
      notifyAdminEmail: true,
      adminEmails: ["ops@example.com"],
    },
    completed: { name: "Completed", kind: "completed" },
    cancelled: { name: "Cancelled", kind: "not_completed" },
  } satisfies Record<string, StatusSpec>;
  type Key = keyof typeof specs;
  const s = await createStatuses(db, specs, suffix);
  const [type] = await db
    .insert(orderTypes)
    .values({ code: `retail_${suffix}`, name: "Retail", initialStatusId: s.new.id })
    .returning();
  const pairs: [Key, Key][] = [
    ["new", "awaiting_payment"],
    ["new", "picking"],
    ["new", "cancelled"],
    ["awaiting_payment", "picking"],
    ["awaiting_payment", "invoiced"],
    ["awaiting_payment", "cancelled"],
    ["picking", "shipped"],
    ["picking", "cancelled"],
    ["invoiced", "shipped"],
    ["shipped", "completed"],
  ];
  await db.insert(transitions).values(
    pairs.map(([from, to]) => ({ orderTypeId: type!.id, fromStatusId: s[from].id, toStatusId: s[to].id })),
  );
  return { type: type!, status: s, suffix };
}

export async function archiveStatus(db: Db, statusId: number) {
  await db.update(statuses).set({ archivedAt: new Date() }).where(eq(statuses.id, statusId));
}

export async function createTestOrder(
  db: Db,
  orderTypeCode: string,
  overrides: Partial<CreateOrderInput> = {},
) {
  const result = await createOrder(db, {
    orderTypeCode,
    channel: "shop",
    customer: { name: "Anna Kowalska", email: "anna@example.com", phone: "+48600100200" },
    items: [{ sku: "MUG-1", name: "Mug", quantity: 2, unitPrice: 2500, vatRate: 23 }],
    paymentMethod: "transfer",
    actor: { type: "system", label: "Test" },
    ...overrides,
  });
  if (!result.ok) throw new Error(`createTestOrder: ${result.error.message}`);
  return result.value;
}
