import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { orderTypes, transitions, type Order } from "@/db/schema";
import { createOrder, type CreateOrderInput } from "@/lib/orders";
import { createStatuses, type StatusSpec } from "@/tests/support/fixtures";

/**
 * A process with loops, so random changes can go on for as long as a scenario runs without
 * every order ending in a terminal status: new ⇄ awaiting payment ⇄ on hold, packing behind the
 * payment gate (no cash on delivery), shipped back to on hold (a return). Most statuses email the
 * customer, so every change also writes outbox rows that the checks can count.
 */
export async function createLoopingWorkflow(db: Db) {
  const suffix = randomBytes(4).toString("hex");
  const specs = {
    new: { name: "New", kind: "new" },
    awaiting: { name: "Awaiting payment", kind: "new", awaitsPayment: true, notifyCustomerEmail: true },
    on_hold: { name: "On hold", kind: "in_progress", notifyCustomerEmail: true, notifyCustomerSms: true },
    packing: { name: "Packing", kind: "in_progress", requiresPayment: true, notifyCustomerEmail: true },
    shipped: { name: "Shipped", kind: "in_progress", notifyCustomerEmail: true, notifyAdminEmail: true, adminEmails: ["ops@example.com"] },
  } satisfies Record<string, StatusSpec>;
  type Key = keyof typeof specs;
  const created = await createStatuses(db, specs, suffix);
  const [type] = await db.insert(orderTypes).values({ code: `loop_${suffix}`, name: "Looping", initialStatusId: created.new.id }).returning();
  const pairs: [Key, Key][] = [
    ["new", "awaiting"],
    ["new", "packing"],
    ["awaiting", "packing"],
    ["awaiting", "on_hold"],
    ["on_hold", "awaiting"],
    ["on_hold", "new"],
    ["packing", "shipped"],
    ["packing", "on_hold"],
    ["shipped", "on_hold"],
  ];
  await db.insert(transitions).values(pairs.map(([from, to]) => ({ orderTypeId: type!.id, fromStatusId: created[from].id, toStatusId: created[to].id })));
  return { type: type!, status: created, all: Object.values(created) };
}

type LoopingWorkflow = Awaited<ReturnType<typeof createLoopingWorkflow>>;

/**
 * One order of the looping workflow as the scenarios place it: a line of mugs at 10.00, from the
 * shop, placed by the system. Throws if it is refused, since a scenario cannot start without it.
 */
export async function placeOrder(
  db: Db,
  wf: LoopingWorkflow,
  { customer, quantity = 1, paymentMethod = "transfer" }: { customer: CreateOrderInput["customer"]; quantity?: number; paymentMethod?: CreateOrderInput["paymentMethod"] },
): Promise<Order> {
  const created = await createOrder(db, {
    orderTypeCode: wf.type.code,
    channel: "shop",
    customer,
    items: [{ sku: "MUG", name: "Mug", quantity, unitPrice: 1000, vatRate: 23 }],
    paymentMethod,
    actor: { type: "system", label: "Reliability" },
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}
