import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { orderTypes, statuses, statusGroups } from "@/db/schema";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { applyImport, exportWorkflow, previewImport } from "./export-import";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

describe("export and import", () => {
  it("round-trips: importing today's export changes nothing", async () => {
    await createRetailWorkflow(handle.db);
    const doc = await exportWorkflow(handle.db);
    const preview = await previewImport(handle.db, JSON.parse(JSON.stringify(doc)));
    expect(preview.ok && preview.value.empty).toBe(true);
    const applied = await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR);
    expect(applied.ok).toBe(true);
    const again = await exportWorkflow(handle.db);
    expect({ ...again, exportedAt: undefined }).toEqual({ ...doc, exportedAt: undefined });
  });

  it("carries the tracking-page documents switch, and imports older documents without it as off", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    await handle.db.update(statuses).set({ showDocumentsOnTracking: true }).where(eq(statuses.id, status.completed.id));
    const doc = await exportWorkflow(handle.db);
    expect(doc.statuses.find((s) => s.code === status.completed.code)?.showDocumentsOnTracking).toBe(true);
    expect(doc.statuses.find((s) => s.code === status.shipped.code)?.showDocumentsOnTracking).toBe(false);

    const older = structuredClone(doc) as unknown as { statuses: Record<string, unknown>[] };
    for (const s of older.statuses) delete s.showDocumentsOnTracking;
    expect((await applyImport(handle.db, older, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const [completed] = await handle.db.select().from(statuses).where(eq(statuses.id, status.completed.id));
    expect(completed?.showDocumentsOnTracking).toBe(false);
  });

  it("carries the order-editing flag both ways, and an older document without it keeps what each status has", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    await handle.db.update(statuses).set({ allowsEditing: true }).where(eq(statuses.id, status.new.id));
    const doc = await exportWorkflow(handle.db);
    const entry = (code: string) => doc.statuses.find((s) => s.code === code)!;
    expect(entry(status.new.code).allowsEditing).toBe(true);
    expect(entry(status.shipped.code).allowsEditing).toBe(false);

    // Flipped in the document: the import writes both values, and the next export says so.
    entry(status.new.code).allowsEditing = false;
    entry(status.shipped.code).allowsEditing = true;
    const preview = await previewImport(handle.db, doc);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.statuses.changed).toEqual(
      expect.arrayContaining([
        { id: status.new.code, fields: ["allowsEditing"] },
        { id: status.shipped.code, fields: ["allowsEditing"] },
      ]),
    );
    expect((await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const again = await exportWorkflow(handle.db);
    expect(again.statuses.find((s) => s.code === status.new.code)?.allowsEditing).toBe(false);
    expect(again.statuses.find((s) => s.code === status.shipped.code)?.allowsEditing).toBe(true);

    const older = structuredClone(again) as unknown as { statuses: Record<string, unknown>[] };
    for (const s of older.statuses) delete s.allowsEditing;
    expect((await applyImport(handle.db, older, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const [shipped] = await handle.db.select().from(statuses).where(eq(statuses.id, status.shipped.id));
    expect(shipped?.allowsEditing).toBe(true);
  });

  it("carries a group's names in other languages, and an older document without them keeps the group's", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    await handle.db.update(statusGroups).set({ translations: { pl: { name: "Nowe" } } }).where(eq(statusGroups.id, status.new.groupId));
    const doc = await exportWorkflow(handle.db);
    const group = doc.groups.find((g) => g.translations?.pl?.name === "Nowe");
    expect(group).toBeDefined();

    group!.translations = { pl: { name: "Świeże" }, en: { name: "Fresh" } };
    const preview = await previewImport(handle.db, doc);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.groups.changed).toEqual([{ id: group!.key, fields: ["translations"] }]);
    expect((await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const translationsNow = async () =>
      (await handle.db.select({ translations: statusGroups.translations }).from(statusGroups).where(eq(statusGroups.key, group!.key)))[0]?.translations;
    expect(await translationsNow()).toEqual({ pl: { name: "Świeże" }, en: { name: "Fresh" } });

    const older = structuredClone(doc) as unknown as { groups: Record<string, unknown>[] };
    for (const g of older.groups) delete g.translations;
    const olderPreview = await previewImport(handle.db, older);
    expect(olderPreview.ok && olderPreview.value.groups.changed).toEqual([]);
    expect((await applyImport(handle.db, older, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await translationsNow()).toEqual({ pl: { name: "Świeże" }, en: { name: "Fresh" } });
  });

  it("carries an order type's names in other languages, and an older document without them keeps the type's", async () => {
    const { type } = await createRetailWorkflow(handle.db);
    await handle.db.update(orderTypes).set({ translations: { pl: { name: "Detaliczne" } } }).where(eq(orderTypes.id, type.id));
    const doc = await exportWorkflow(handle.db);
    const exported = doc.orderTypes.find((t) => t.code === type.code)!;
    expect(exported.translations).toEqual({ pl: { name: "Detaliczne" } });

    exported.translations = { pl: { name: "Sklep" }, en: { name: "Shop" } };
    const preview = await previewImport(handle.db, doc);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.orderTypes.changed).toEqual([{ id: type.code, fields: ["translations"] }]);
    expect((await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const translationsNow = async () => (await handle.db.select({ translations: orderTypes.translations }).from(orderTypes).where(eq(orderTypes.id, type.id)))[0]?.translations;
    expect(await translationsNow()).toEqual({ pl: { name: "Sklep" }, en: { name: "Shop" } });

    const older = structuredClone(doc) as unknown as { orderTypes: Record<string, unknown>[] };
    for (const t of older.orderTypes) delete t.translations;
    const olderPreview = await previewImport(handle.db, older);
    expect(olderPreview.ok && olderPreview.value.orderTypes.changed).toEqual([]);
    expect((await applyImport(handle.db, older, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await translationsNow()).toEqual({ pl: { name: "Sklep" }, en: { name: "Shop" } });
  });

  it("previews a change as a diff, then applies it atomically", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const doc = await exportWorkflow(handle.db);
    const shipped = doc.statuses.find((s) => s.code === status.shipped.code)!;
    shipped.name = "Sent";
    shipped.commentTemplates = [{ title: "Courier", body: "On its way" }];
    const t = doc.orderTypes.find((o) => o.code === type.code)!;
    t.transitions.push([status.shipped.code, status.cancelled.code]);
    doc.statuses.push({ ...shipped, code: `returned_${status.new.id}`, name: "Returned", commentTemplates: [] });

    const preview = await previewImport(handle.db, doc);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.statuses.added).toEqual([`returned_${status.new.id}`]);
    expect(preview.value.statuses.changed).toContainEqual({ id: status.shipped.code, fields: ["name", "commentTemplates"] });
    expect(preview.value.matrices).toEqual([{ orderType: type.code, added: [[status.shipped.code, status.cancelled.code]], removed: [] }]);
    // A preview writes nothing.
    const [still] = await handle.db.select().from(statuses).where(eq(statuses.id, status.shipped.id));
    expect(still?.name).toBe("Shipped");

    expect((await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const [renamed] = await handle.db.select().from(statuses).where(eq(statuses.id, status.shipped.id));
    expect(renamed?.name).toBe("Sent");
    const after = await exportWorkflow(handle.db);
    expect(after.orderTypes.find((o) => o.code === type.code)?.transitions).toContainEqual([status.shipped.code, status.cancelled.code]);
  });

  it("refuses a document with errors field by field and changes nothing", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const doc = await exportWorkflow(handle.db);
    const i = doc.statuses.findIndex((s) => s.code === status.shipped.code);
    const bad = structuredClone(doc) as unknown as { statuses: Record<string, unknown>[]; groups: Record<string, unknown>[] };
    bad.statuses[i]!.colour = "red";
    bad.statuses[i]!.name = "";
    const refused = await applyImport(handle.db, bad, SYSTEM_AUDIT_ACTOR);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.fieldErrors?.[`statuses.${i}.colour`]).toEqual(["Use a hex colour like #1d4ed8"]);
    expect(refused.error.fieldErrors?.[`statuses.${i}.name`]).toEqual(["Enter a name"]);

    const refs = structuredClone(doc);
    refs.statuses[i]!.group = "nowhere";
    const t = refs.orderTypes.findIndex((o) => o.code === type.code);
    refs.orderTypes[t]!.transitions.push([status.new.code, "ghost"]);
    const unresolved = await previewImport(handle.db, refs);
    expect(unresolved.ok || unresolved.error.fieldErrors).toMatchObject({
      [`statuses.${i}.group`]: ["Unknown group nowhere"],
      [`orderTypes.${t}.transitions.${refs.orderTypes[t]!.transitions.length - 1}`]: ["Unknown status ghost"],
    });

    const contradictory = structuredClone(doc);
    contradictory.orderTypes[t]!.transitions.push([status.cancelled.code, status.awaiting_payment.code]);
    contradictory.statuses[i]!.name = "Should not be saved";
    const linted = await applyImport(handle.db, contradictory, SYSTEM_AUDIT_ACTOR);
    expect(linted.ok || linted.error.fieldErrors?.[`orderTypes.${t}`]).toEqual([
      "Retail: Cancelled leads to Awaiting payment: asking for payment on an order that is already closed",
    ]);
    const [unchanged] = await handle.db.select().from(statuses).where(eq(statuses.id, status.shipped.id));
    expect(unchanged?.name).toBe("Shipped");
    expect((await previewImport(handle.db, { format: "something else" })).ok).toBe(false);
  });
});
