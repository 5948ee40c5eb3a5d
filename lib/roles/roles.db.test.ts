import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, roles, roleStatusRights, users } from "@/db/schema";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { builtInRoleId } from "./built-in";
import { createRole, deleteRole, getRole, listRoles, updateRole } from "./roles";

let handle: DbHandle;
let db: Db;
const admin = { type: "user" as const, id: "1", label: "Ada" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

const entriesFor = async (subjectId: number) => db.select().from(auditLog).where(eq(auditLog.subjectId, String(subjectId)));

describe("roles of the shop's own", () => {
  it("start with nothing granted, and a second role of the same name (any case) is refused", async () => {
    const created = await createRole(db, { name: "Magazyn" }, admin);
    expect(created.ok && { areas: created.value.areas, limitsStatuses: created.value.limitsStatuses }).toEqual({ areas: [], limitsStatuses: true });
    const again = await createRole(db, { name: "  magazyn " }, admin);
    expect(!again.ok && again.error.code === "validation_failed" && again.error.details).toEqual({ reason: "role_name_taken", name: "magazyn" });
    expect(await createRole(db, { name: "  " }, admin)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    if (created.ok) expect((await entriesFor(created.value.id)).map((e) => e.action)).toEqual(["created"]);
  });

  it("save areas and status rights together, recorded with before and after by status code", async () => {
    const wf = await createRetailWorkflow(db);
    const created = await createRole(db, { name: `Obsługa ${wf.suffix}` }, admin);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const saved = await updateRole(
      db,
      id,
      { name: `Obsługa klienta ${wf.suffix}`, areas: ["analytics", "analytics"], limitsStatuses: true, rights: [{ orderTypeId: wf.type.id, statusId: wf.status.cancelled.id }] },
      admin,
    );
    expect(saved.ok && saved.value.areas).toEqual(["analytics"]);
    expect((await getRole(db, id))?.rights).toEqual([{ orderTypeId: wf.type.id, statusId: wf.status.cancelled.id }]);
    const [entry] = (await entriesFor(id)).filter((e) => e.action === "updated");
    expect(entry).toMatchObject({
      kind: "role",
      actorLabel: "Ada",
      before: { name: `Obsługa ${wf.suffix}`, areas: [], statuses: [] },
      after: { name: `Obsługa klienta ${wf.suffix}`, areas: ["analytics"], statuses: [`${wf.type.code}: ${wf.status.cancelled.code}`] },
    });
    // Saving the same again changes nothing and records nothing.
    await updateRole(db, id, { areas: ["analytics"], limitsStatuses: true, rights: [{ orderTypeId: wf.type.id, statusId: wf.status.cancelled.id }] }, admin);
    expect((await entriesFor(id)).filter((e) => e.action === "updated")).toHaveLength(1);
  });

  it("refuse rights naming a status that is not there, and keep the old rights", async () => {
    const wf = await createRetailWorkflow(db);
    const created = await createRole(db, { name: `Kurier ${wf.suffix}` }, admin);
    if (!created.ok) throw new Error(created.error.message);
    await updateRole(db, created.value.id, { areas: [], limitsStatuses: true, rights: [{ orderTypeId: wf.type.id, statusId: wf.status.shipped.id }] }, admin);
    const refused = await updateRole(db, created.value.id, { areas: ["admin"], limitsStatuses: true, rights: [{ orderTypeId: wf.type.id, statusId: 99_999_999 }] }, admin);
    expect(refused.ok).toBe(false);
    const after = await getRole(db, created.value.id);
    expect(after?.role.areas).toEqual([]);
    expect(after?.rights).toEqual([{ orderTypeId: wf.type.id, statusId: wf.status.shipped.id }]);
  });

  it("never change the admin role, keep the staff role's name, and delete only an unused role of the shop's own", async () => {
    const adminRole = await builtInRoleId(db, "admin");
    const staffRole = await builtInRoleId(db, "staff");
    expect(await updateRole(db, adminRole, { areas: [], limitsStatuses: true, rights: [] }, admin)).toMatchObject({ ok: false, error: { details: { reason: "role_built_in" } } });
    const staff = await updateRole(db, staffRole, { name: "Renamed", areas: ["scan"], limitsStatuses: false, rights: [] }, admin);
    expect(staff.ok && [staff.value.name, staff.value.areas]).toEqual(["staff", ["scan"]]);
    await updateRole(db, staffRole, { areas: ["scan", "analytics"], limitsStatuses: false, rights: [] }, admin);
    expect(await deleteRole(db, staffRole, admin)).toMatchObject({ ok: false, error: { details: { reason: "role_built_in" } } });

    const created = await createRole(db, { name: "Sezonowi" }, admin);
    if (!created.ok) throw new Error(created.error.message);
    const [person] = await db.insert(users).values({ email: "sezon@example.com", name: "Sezon", roleId: created.value.id }).returning();
    expect(await deleteRole(db, created.value.id, admin)).toMatchObject({ ok: false, error: { details: { reason: "role_in_use", members: 1 } } });
    await db.delete(users).where(eq(users.id, person!.id));
    expect((await deleteRole(db, created.value.id, admin)).ok).toBe(true);
    expect(await db.select().from(roles).where(eq(roles.id, created.value.id))).toEqual([]);
    expect(await db.select().from(roleStatusRights).where(eq(roleStatusRights.roleId, created.value.id))).toEqual([]);
    expect((await entriesFor(created.value.id)).map((e) => e.action)).toEqual(["created", "deleted"]);
  });

  it("refuse to take the admin area from a role when its members are the shop's only admins", async () => {
    const created = await createRole(db, { name: "Szefowie" }, admin);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    await updateRole(db, id, { areas: ["admin"], limitsStatuses: false, rights: [] }, admin);
    const [boss] = await db.insert(users).values({ email: "szef@example.com", name: "Szef", roleId: id, passwordHash: "x" }).returning();
    expect(await updateRole(db, id, { areas: ["scan"], limitsStatuses: false, rights: [] }, admin)).toMatchObject({ ok: false, error: { code: "last_admin" } });
    expect((await getRole(db, id))?.role.areas).toEqual(["admin"]);

    // With another admin in the shop, the role may lose the area.
    const [other] = await db.insert(users).values({ email: "ada@example.com", name: "Ada", roleId: await builtInRoleId(db, "admin"), passwordHash: "x" }).returning();
    expect((await updateRole(db, id, { areas: ["scan"], limitsStatuses: false, rights: [] }, admin)).ok).toBe(true);
    await db.delete(users).where(eq(users.id, boss!.id));
    await db.delete(users).where(eq(users.id, other!.id));
  });

  it("list the built-in roles first, with how many people have each", async () => {
    const list = await listRoles(db);
    expect(list.slice(0, 2).map((r) => r.builtIn)).toEqual(["admin", "staff"]);
    expect(list.every((r) => Number.isInteger(r.members))).toBe(true);
  });

  it("count each role's people and the statuses it lists", async () => {
    const wf = await createRetailWorkflow(db);
    const created = await createRole(db, { name: `Liczona ${wf.suffix}` }, admin);
    if (!created.ok) throw new Error(created.error.message);
    const rights = [wf.status.picking, wf.status.shipped].map((s) => ({ orderTypeId: wf.type.id, statusId: s.id }));
    await updateRole(db, created.value.id, { areas: [], limitsStatuses: true, rights }, admin);
    await db.insert(users).values({ email: `liczona-${wf.suffix}@example.com`, name: "L", roleId: created.value.id });
    const summary = (await listRoles(db)).find((r) => r.id === created.value.id);
    expect(summary && { members: summary.members, statuses: summary.statuses }).toEqual({ members: 1, statuses: 2 });
  });
});
