import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openConfiguredDb } from "@/db";
import { commentTemplates, statuses } from "@/db/schema";
import { createOrder, recordPayment, transitionOrder, type Actor } from "@/lib/orders";
import { applyPreset, marketplacePreset } from "@/db/seed";
import type { FixtureCommentTemplate, FixtureModule, FixtureOrder } from "./fixtures/types";

const ACTOR: Actor = { type: "system", label: "E2E fixture" };

async function loadFixtures(): Promise<{ orders: FixtureOrder[]; templates: FixtureCommentTemplate[]; prepares: NonNullable<FixtureModule["prepare"]>[] }> {
  const dir = path.join(import.meta.dirname ?? __dirname, "fixtures");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "types.ts");
  const all: FixtureOrder[] = [];
  const templates: FixtureCommentTemplate[] = [];
  const prepares: NonNullable<FixtureModule["prepare"]>[] = [];
  for (const file of files) {
    const mod = (await import(path.join(dir, file))) as FixtureModule;
    all.push(...mod.fixtures);
    templates.push(...(mod.commentTemplates ?? []));
    if (mod.prepare) prepares.push(mod.prepare);
  }
  const numbers = new Set<string>();
  for (const f of all) {
    if (numbers.has(f.number)) throw new Error(`fixture number ${f.number} is declared twice`);
    numbers.add(f.number);
  }
  return { orders: all, templates, prepares };
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

/** Creates every declared fixture order through the real services, so their histories are genuine. */
async function main() {
  const { orders: fixtures, templates, prepares } = await loadFixtures();
  const handle = await openConfiguredDb();
  try {
    // The demo shop has retail and wholesale; specs that need hidden, per-courier statuses get
    // the marketplace preset as a third order type.
    if (fixtures.some((f) => f.orderType === "marketplace")) {
      await applyPreset(handle.db, { preset: marketplacePreset, locale: "en", orderType: { code: "marketplace", name: "Marketplace" } });
    }
    for (const t of templates) {
      const [status] = t.statusCode ? await handle.db.select().from(statuses).where(eq(statuses.code, t.statusCode)) : [];
      if (t.statusCode && !status) throw new Error(`comment template ${t.title}: no status ${t.statusCode}`);
      await handle.db.insert(commentTemplates).values({ statusId: status?.id ?? null, title: t.title, body: t.body });
    }
    for (const f of fixtures) {
      const order = must(
        await createOrder(handle.db, {
          number: f.number,
          orderTypeCode: f.orderType,
          channel: f.channel ?? (f.orderType === "wholesale" ? "b2b" : "shop"),
          customer: { name: f.customerName ?? "Ewa Testowa", email: "ewa.testowa@example.com", phone: f.customerPhone ?? "+48500600700" },
          items: [{ sku: f.sku ?? "E2E-1", name: "Kubek ceramiczny", quantity: 1, unitPrice: f.price ?? 4999, vatRate: 23 }],
          paymentMethod: f.paymentMethod ?? "transfer",
          courier: f.courier,
          actor: ACTOR,
        }),
        `create ${f.number}`,
      );
      if (f.paid) must(await recordPayment(handle.db, { orderId: order.id, amount: order.total, actor: ACTOR }), `pay ${f.number}`);
      for (const code of f.path ?? []) {
        must(await transitionOrder(handle.db, { orderId: order.id, to: { code }, actor: ACTOR }), `${f.number} → ${code}`);
      }
    }
    for (const prepare of prepares) await prepare(handle.db);
    console.log(`E2E fixtures: ${fixtures.length} orders, ${templates.length} comment templates, ${prepares.length} prepared by their files.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
