import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog, outbox, users, userTokens } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record";
import { findSessionUser, openAuthSession } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/users";
import { builtInRoleId } from "@/lib/roles/built-in";
import { openTestDb } from "@/tests/support/test-db";
import { changeRole, disableUser, enableUser, inviteUser, requirePasswordReset, resendInvitation, revokeInvitation } from "./people";
import { setPasswordByToken } from "./passwords";
import { addPerson, customRole, linkEmailedTo } from "./test-people";
import { inspectToken } from "./tokens";

let handle: DbHandle;
let staffRole: number;
const HOUR = 3_600_000;
const actor: AuditActor = { type: "user", id: "1", label: "Ada Admin" };

beforeAll(async () => {
  handle = await openTestDb();
  staffRole = await builtInRoleId(handle.db, "staff");
  await addPerson(handle.db, { email: "boss@example.com", role: "admin" });
});
afterAll(async () => handle?.close());

const auditOf = async (subjectId: number) =>
  handle.db.select().from(auditLog).where(and(eq(auditLog.kind, "user"), eq(auditLog.subjectId, String(subjectId)))).orderBy(auditLog.id);

const sessionOpen = async (userId: number, id: string) => (await findSessionUser(handle.db, { id, userId })) !== undefined;

describe("inviting", () => {
  it("creates the person without a password, queues the email with a sealed 7-day link and records who invited them", async () => {
    const invited = await inviteUser(handle.db, { email: "  New.Person@Example.com ", name: " New Person ", roleId: staffRole, actor });
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    const { user, expiresAt } = invited.value;
    expect(user).toMatchObject({ email: "new.person@example.com", name: "New Person", passwordHash: null, roleId: staffRole });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 24 * HOUR - 60_000);

    const [row] = await handle.db.select().from(outbox).where(eq(outbox.recipient, "new.person@example.com"));
    expect(row).toMatchObject({ kind: "email", orderId: null, state: "pending" });
    const { token, payload, link } = await linkEmailedTo(handle.db, "new.person@example.com");
    expect(link).toBe(`http://localhost:3000/password/${token}`);
    expect(payload).toMatchObject({ template: { account: "invitation" }, locale: "pl", name: "New Person", invitedBy: "Ada Admin" });
    // The row holds the link only sealed.
    expect(JSON.stringify(row!.payload)).not.toContain(token);
    expect((await inspectToken(handle.db, token)).state).toBe("usable");

    const [entry] = await auditOf(user.id);
    expect(entry).toMatchObject({ action: "invited", actorLabel: "Ada Admin", before: null });
    expect(entry!.after).toMatchObject({ email: "new.person@example.com", role: "staff" });
    expect(JSON.stringify(entry)).not.toMatch(/hash|\$2[aby]\$/i);
  });

  it("writes the email in the person's language once they chose one, else the shop's staff language", async () => {
    const invited = await inviteUser(handle.db, { email: "lang@example.com", name: "Lang", roleId: staffRole, actor });
    if (!invited.ok) throw new Error("invite");
    await handle.db.update(users).set({ locale: "en" }).where(eq(users.id, invited.value.user.id));
    await resendInvitation(handle.db, { userId: invited.value.user.id, actor });
    expect((await linkEmailedTo(handle.db, "lang@example.com")).payload.locale).toBe("en");
  });

  it("refuses an address that already has an account, in any case, on its field", async () => {
    const again = await inviteUser(handle.db, { email: "BOSS@example.com", name: "Boss again", roleId: staffRole, actor });
    expect(again).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { email: ["emailTaken"] } } });
    const noRole = await inviteUser(handle.db, { email: "norole@example.com", name: "No role", roleId: 99_999, actor });
    expect(noRole).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { roleId: ["role"] } } });
    expect(await handle.db.select().from(users).where(eq(users.email, "norole@example.com"))).toHaveLength(0);
  });

  it("a resent invitation replaces the first link, which then opens nothing", async () => {
    const invited = await inviteUser(handle.db, { email: "resend@example.com", name: "Resend", roleId: staffRole, actor });
    if (!invited.ok) throw new Error("invite");
    const first = await linkEmailedTo(handle.db, "resend@example.com");
    expect((await resendInvitation(handle.db, { userId: invited.value.user.id, actor })).ok).toBe(true);
    const second = await linkEmailedTo(handle.db, "resend@example.com");
    expect(second.token).not.toBe(first.token);
    expect((await inspectToken(handle.db, first.token)).state).toBe("used");
    expect((await setPasswordByToken(handle.db, { token: first.token, password: "correct horse battery" })).ok).toBe(false);
    expect((await setPasswordByToken(handle.db, { token: second.token, password: "correct horse battery" })).ok).toBe(true);
    expect((await auditOf(invited.value.user.id)).map((e) => e.action)).toEqual(["invited", "invitation_resent", "password_set"]);
    // Once they have a password there is no invitation left to resend or revoke.
    expect(await resendInvitation(handle.db, { userId: invited.value.user.id, actor })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await revokeInvitation(handle.db, { userId: invited.value.user.id, actor })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("a revoked invitation removes the person and their links, cancels the unsent email, and keeps the audit entry", async () => {
    const invited = await inviteUser(handle.db, { email: "revoke@example.com", name: "Revoke", roleId: staffRole, actor });
    if (!invited.ok) throw new Error("invite");
    const { token } = await linkEmailedTo(handle.db, "revoke@example.com");
    const revoked = await revokeInvitation(handle.db, { userId: invited.value.user.id, actor });
    expect(revoked.ok).toBe(true);
    expect(await handle.db.select().from(users).where(eq(users.email, "revoke@example.com"))).toHaveLength(0);
    expect(await handle.db.select().from(userTokens).where(eq(userTokens.userId, invited.value.user.id))).toHaveLength(0);
    expect((await inspectToken(handle.db, token)).state).toBe("unknown");
    const [mail] = await handle.db.select().from(outbox).where(eq(outbox.recipient, "revoke@example.com"));
    expect(mail).toMatchObject({ state: "dead" });
    expect((await auditOf(invited.value.user.id)).map((e) => e.action)).toEqual(["invited", "invitation_revoked"]);
    // The address can be invited again.
    expect((await inviteUser(handle.db, { email: "revoke@example.com", name: "Revoke", roleId: staffRole, actor })).ok).toBe(true);
  });
});

describe("roles, disabling and forced resets", () => {
  it("a role change ends the person's sessions and is recorded with the roles before and after", async () => {
    const person = await addPerson(handle.db, { email: "mover@example.com", role: "staff" });
    const warehouse = await customRole(handle.db, "Magazyn testowy", ["scan"]);
    const session = await openAuthSession(handle.db, person.id, HOUR);
    const changed = await changeRole(handle.db, { userId: person.id, roleId: warehouse, actor });
    expect(changed).toMatchObject({ ok: true, value: { changed: true, user: { roleId: warehouse } } });
    expect(await sessionOpen(person.id, session)).toBe(false);
    const [entry] = await auditOf(person.id);
    expect(entry).toMatchObject({ action: "role_changed", before: { role: "staff" }, after: { role: "Magazyn testowy" } });
    // The same role again changes nothing and records nothing.
    const again = await openAuthSession(handle.db, person.id, HOUR);
    expect(await changeRole(handle.db, { userId: person.id, roleId: warehouse, actor })).toMatchObject({ ok: true, value: { changed: false } });
    expect(await sessionOpen(person.id, again)).toBe(true);
    expect(await auditOf(person.id)).toHaveLength(1);
  });

  it("disabling ends the sessions and voids the links at once; enabling lets the person in with their password again", async () => {
    const person = await addPerson(handle.db, { email: "leaver@example.com", role: "staff", password: "leaver-password-1" });
    const session = await openAuthSession(handle.db, person.id, HOUR);
    await requirePasswordReset(handle.db, { userId: person.id, actor });
    await handle.db.update(users).set({ passwordHash: person.passwordHash }).where(eq(users.id, person.id));
    const { token } = await linkEmailedTo(handle.db, "leaver@example.com");
    const fresh = await openAuthSession(handle.db, person.id, HOUR);

    expect((await disableUser(handle.db, { userId: person.id, actor })).ok).toBe(true);
    expect(await sessionOpen(person.id, session)).toBe(false);
    expect(await sessionOpen(person.id, fresh)).toBe(false);
    expect((await inspectToken(handle.db, token)).state).toBe("used");
    expect(await verifyCredentials(handle.db, "leaver@example.com", "leaver-password-1")).toBeUndefined();

    expect((await enableUser(handle.db, { userId: person.id, actor })).ok).toBe(true);
    expect((await verifyCredentials(handle.db, "leaver@example.com", "leaver-password-1"))?.id).toBe(person.id);
    expect((await auditOf(person.id)).map((e) => e.action)).toEqual(["password_reset_required", "disabled", "enabled"]);
  });

  it("a forced reset clears the password, ends the sessions and emails a 1-hour reset link that sets a new one", async () => {
    const person = await addPerson(handle.db, { email: "forgetful@example.com", role: "staff", password: "old-password-123" });
    const session = await openAuthSession(handle.db, person.id, HOUR);
    const required = await requirePasswordReset(handle.db, { userId: person.id, actor });
    expect(required.ok).toBe(true);
    if (!required.ok) return;
    expect(required.value.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(HOUR);
    expect(required.value.expiresAt.getTime() - Date.now()).toBeGreaterThan(HOUR - 60_000);
    expect(await sessionOpen(person.id, session)).toBe(false);
    expect(await verifyCredentials(handle.db, "forgetful@example.com", "old-password-123")).toBeUndefined();
    const { token, payload } = await linkEmailedTo(handle.db, "forgetful@example.com");
    expect(payload.template.account).toBe("password_reset");
    expect((await setPasswordByToken(handle.db, { token, password: "new-password-456" })).ok).toBe(true);
    expect((await verifyCredentials(handle.db, "forgetful@example.com", "new-password-456"))?.id).toBe(person.id);
    // The link worked once.
    expect(await setPasswordByToken(handle.db, { token, password: "third-password-789" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("the last active admin", () => {
  it("cannot be disabled, demoted or sent a forced reset while nobody else can open the admin pages", async () => {
    const own = await openTestDb();
    try {
      const only = await addPerson(own.db, { email: "only.admin@example.com", role: "admin" });
      // Neither a disabled admin, an admin without a password yet, nor a staff member counts.
      await addPerson(own.db, { email: "gone.admin@example.com", role: "admin", disabled: true });
      await addPerson(own.db, { email: "invited.admin@example.com", role: "admin", password: null });
      await addPerson(own.db, { email: "clerk@example.com", role: "staff" });
      const staff = await builtInRoleId(own.db, "staff");
      for (const refused of [
        await disableUser(own.db, { userId: only.id, actor }),
        await changeRole(own.db, { userId: only.id, roleId: staff, actor }),
        await requirePasswordReset(own.db, { userId: only.id, actor }),
      ]) {
        expect(refused).toMatchObject({ ok: false, error: { code: "last_admin" } });
      }
      const [still] = await own.db.select().from(users).where(eq(users.id, only.id));
      expect(still).toMatchObject({ disabledAt: null, roleId: await builtInRoleId(own.db, "admin") });
      expect(still!.passwordHash).not.toBeNull();
      expect(await own.db.select().from(auditLog)).toHaveLength(0);

      // A custom role that opens the admin area counts as an admin: then the first may go.
      const managers = await customRole(own.db, "Kierownik", ["admin", "scan"]);
      const manager = await addPerson(own.db, { email: "manager@example.com", role: managers });
      expect((await changeRole(own.db, { userId: only.id, roleId: staff, actor })).ok).toBe(true);
      expect(await disableUser(own.db, { userId: manager.id, actor })).toMatchObject({ ok: false, error: { code: "last_admin" } });
    } finally {
      await own.close();
    }
  });

  it("two admins disabling each other at once: one wins, the other is refused", async () => {
    const own = await openTestDb();
    try {
      const a = await addPerson(own.db, { email: "a.admin@example.com", role: "admin" });
      const b = await addPerson(own.db, { email: "b.admin@example.com", role: "admin" });
      const results = await Promise.all([disableUser(own.db, { userId: a.id, actor }), disableUser(own.db, { userId: b.id, actor })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error.code === "last_admin")).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});
