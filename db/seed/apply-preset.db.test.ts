import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { orderTypes, statuses, statusGroups, transitions } from "@/db/schema";
import { loadWorkflowDefinition } from "@/lib/orders/workflow-definition";
import { hasLintErrors, lintWorkflow } from "@/lib/workflow";
import { openTestDb } from "@/tests/support/test-db";
import { applyAfterSalesPresets } from "./apply-after-sales";
import { applyPreset, readMatrixCodes } from "./apply-preset";
import {
  DEFAULT_STATUS_GROUPS,
  marketplacePreset,
  retailPreset,
  wholesalePreset,
  type PresetStatus,
  type StatusPreset,
} from "./presets";

let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
});

afterAll(async () => {
  await h?.close();
});

async function counts() {
  const [groups, statusCount, types, matrix] = await Promise.all([
    h.db.$count(statusGroups),
    h.db.$count(statuses),
    h.db.$count(orderTypes),
    h.db.$count(transitions),
  ]);
  return { groups, statuses: statusCount, types, transitions: matrix };
}

describe("applyPreset", () => {
  it("writes all three presets into one database, sharing the statuses they have in common", async () => {
    const retail = await applyPreset(h.db, { preset: retailPreset, locale: "pl", orderType: { code: "sklep", name: "Sklep" } });
    const wholesale = await applyPreset(h.db, { preset: wholesalePreset, locale: "pl", orderType: { code: "hurt", name: "Hurt" } });
    const marketplace = await applyPreset(h.db, {
      preset: marketplacePreset,
      locale: "pl",
      orderType: { code: "marketplace", name: "Marketplace" },
    });
    expect(retail.statusIds.shipped).toBe(wholesale.statusIds.shipped);
    expect(retail.statusIds.awaiting_payment).toBe(marketplace.statusIds.awaiting_payment);
    expect(wholesale.statusIds.picking).toBe(marketplace.statusIds.picking);

    const codes = new Set([retailPreset, wholesalePreset, marketplacePreset].flatMap((p) => p.statuses.map((s) => s.code)));
    expect((await counts()).statuses).toBe(codes.size);
    expect((await counts()).groups).toBe(DEFAULT_STATUS_GROUPS.length);
    // The groups are named in the preset's language, the other language kept as their translation.
    const groups = await h.db.select({ key: statusGroups.key, name: statusGroups.name, translations: statusGroups.translations }).from(statusGroups);
    expect(groups.find((g) => g.key === "new")).toEqual({ key: "new", name: "Nowe", translations: { en: { name: "New" } } });
    expect(groups.find((g) => g.key === "not_completed")).toEqual({ key: "not_completed", name: "Niezrealizowane", translations: { en: { name: "Not completed" } } });

    for (const applied of [retail, wholesale, marketplace]) {
      const def = await loadWorkflowDefinition(h.db, applied.orderTypeId);
      expect(def).toBeDefined();
      if (!def) continue;
      expect(def.initialStatusId).toBe(applied.initialStatusId);
      expect(hasLintErrors(lintWorkflow(def))).toBe(false);
    }
  });

  it("places a later preset's new statuses after the ones already in each group", async () => {
    const rows = await h.db
      .select({ code: statuses.code, position: statuses.position, group: statusGroups.key })
      .from(statuses)
      .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
      .where(eq(statusGroups.key, "new"))
      .orderBy(statuses.position);
    expect(rows.map((r) => r.code)).toEqual(["received", "awaiting_payment", "unconfirmed", "confirmed", "new"]);
    expect(new Set(rows.map((r) => r.position)).size).toBe(rows.length);
  });

  it("stores the matrix exactly as the preset lists it", async () => {
    const [type] = await h.db.select().from(orderTypes).where(eq(orderTypes.code, "marketplace"));
    expect(type).toBeDefined();
    const stored = await readMatrixCodes(h.db, type?.id ?? -1);
    const key = ([a, b]: [string, string]) => `${a}>${b}`;
    expect(stored.map(key).sort()).toEqual(marketplacePreset.transitions.map(key).sort());
  });

  it("names statuses in the chosen locale and keeps the other one as a translation", async () => {
    const [awaiting] = await h.db.select().from(statuses).where(eq(statuses.code, "awaiting_payment"));
    expect(awaiting?.name).toBe("Oczekuje na płatność");
    expect(awaiting?.customerLabel).toBe("Oczekuje na wpłatę");
    expect(awaiting?.description).toMatch(/numer konta/);
    expect(awaiting?.translations).toEqual({ en: { name: "Awaiting payment", customerLabel: "Awaiting payment" } });
    expect(awaiting?.awaitsPayment).toBe(true);

    const [inpost] = await h.db.select().from(statuses).where(eq(statuses.code, "courier_inpost"));
    expect(inpost?.customerLabel).toBeNull();
    expect(inpost?.translations).toEqual({ en: { name: "To ship: InPost", customerLabel: null } });

    const [shipped] = await h.db
      .select({ s: statuses, kind: statusGroups.kind })
      .from(statuses)
      .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
      .where(eq(statuses.code, "shipped"));
    expect(shipped?.kind).toBe("in_progress");
    expect(shipped?.s.externalCodes).toEqual({ allegro: "SENT" });
    expect(shipped?.s.requiresPayment && shipped.s.allowCashOnDelivery).toBe(true);
    expect(shipped?.s.notifyCustomerSms).toBe(true);
  });

  it("is idempotent, and leaves statuses an admin has edited alone", async () => {
    await h.db.update(statuses).set({ name: "Paczka w drodze" }).where(eq(statuses.code, "shipped"));
    const before = await counts();
    const again = await applyPreset(h.db, { preset: retailPreset, locale: "en", orderType: { code: "sklep", name: "Shop" } });
    expect(await counts()).toEqual(before);

    const [shipped] = await h.db.select().from(statuses).where(eq(statuses.code, "shipped"));
    expect(shipped?.name).toBe("Paczka w drodze");
    // The order type is upserted: its name follows the latest call.
    const [type] = await h.db.select().from(orderTypes).where(eq(orderTypes.code, "sklep"));
    expect(type?.id).toBe(again.orderTypeId);
    expect(type?.name).toBe("Shop");
    expect(type?.initialStatusId).toBe(again.statusIds.received);
  });

  it("names an order type in each language when given, and keeps its translations when a later call names it in one", async () => {
    await applyPreset(h.db, { preset: retailPreset, locale: "en", orderType: { code: "detal", name: "Retail", translations: { pl: { name: "Detaliczne" } } } });
    const typeNamed = async () => (await h.db.select({ name: orderTypes.name, translations: orderTypes.translations }).from(orderTypes).where(eq(orderTypes.code, "detal")))[0];
    expect(await typeNamed()).toEqual({ name: "Retail", translations: { pl: { name: "Detaliczne" } } });
    await applyPreset(h.db, { preset: retailPreset, locale: "en", orderType: { code: "detal", name: "Retail shop" } });
    expect(await typeNamed()).toEqual({ name: "Retail shop", translations: { pl: { name: "Detaliczne" } } });
  });

  it("names the after-sales order types in the shop's language, with the other as their translation", async () => {
    await applyAfterSalesPresets(h.db, "pl");
    const rows = await h.db.select({ code: orderTypes.code, name: orderTypes.name, translations: orderTypes.translations }).from(orderTypes);
    expect(rows.filter((t) => t.code === "return" || t.code === "complaint").sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: "complaint", name: "Reklamacja", translations: { en: { name: "Complaint" } } },
      { code: "return", name: "Zwrot", translations: { en: { name: "Return" } } },
    ]);
  });

  it("writes nothing when a preset is broken: one transaction", async () => {
    const before = await counts();
    const extra = { ...retailPreset.statuses[0], code: "extra_status" } as PresetStatus;
    const broken: StatusPreset = {
      ...retailPreset,
      statuses: [...retailPreset.statuses, extra],
      transitions: [...retailPreset.transitions, ["received", "no_such_status"]],
    };
    await expect(
      applyPreset(h.db, { preset: broken, locale: "en", orderType: { code: "broken", name: "Broken" } }),
    ).rejects.toThrow(/no_such_status/);
    expect(await counts()).toEqual(before);
    const [written] = await h.db.select().from(statuses).where(eq(statuses.code, "extra_status"));
    expect(written).toBeUndefined();
    const rows = await h.db.select().from(transitions);
    expect(rows.length).toBe(before.transitions);
  });

  it("lets orders be edited only in the statuses of the new kind (received, awaiting payment)", async () => {
    const applied = await applyPreset(h.db, { preset: retailPreset, locale: "pl", orderType: { code: "edit_flags", name: "Edit flags" } });
    const rows = await h.db.select({ code: statuses.code, allowsEditing: statuses.allowsEditing }).from(statuses);
    const codes = new Set(retailPreset.statuses.map((s) => s.code));
    const editable = rows.filter((r) => codes.has(r.code) && r.allowsEditing).map((r) => r.code).sort();
    const expected = retailPreset.statuses.filter((s) => s.groupKind === "new").map((s) => s.code).sort();
    expect(editable).toEqual(expected);
    expect(editable).toContain("awaiting_payment");
    expect(applied.statusIds.shipped).toBeDefined();
  });
});
