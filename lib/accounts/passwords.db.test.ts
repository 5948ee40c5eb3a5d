import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog, outbox, rateLimitCounters, users } from "@/db/schema";
import { findSessionUser, openAuthSession } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { verifyCredentials } from "@/lib/auth/users";
import { openTestDb } from "@/tests/support/test-db";
import { changeOwnName, changeOwnPassword, createForgotPasswordThrottle, requestPasswordReset, setPasswordByToken } from "./passwords";
import { addPerson, linkEmailedTo } from "./test-people";
import { issueToken } from "./tokens";

let handle: DbHandle;
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());
beforeEach(async () => {
  await handle.db.delete(rateLimitCounters);
});

const sessionOpen = async (userId: number, id: string) => (await findSessionUser(handle.db, { id, userId })) !== undefined;
const mailTo = (email: string) => handle.db.select().from(outbox).where(eq(outbox.recipient, email));

describe("setting a password through a link", () => {
  it("stores the password, ends every session, voids the person's other links and records it as done by them", async () => {
    const person = await addPerson(handle.db, { email: "linked@example.com", role: "staff", password: null });
    const session = await openAuthSession(handle.db, person.id, HOUR);
    const invitation = await issueToken(handle.db, { userId: person.id, purpose: "invitation", lifetimeMs: HOUR });
    const reset = await issueToken(handle.db, { userId: person.id, purpose: "password_reset", lifetimeMs: HOUR });
    expect(await setPasswordByToken(handle.db, { token: invitation.token, password: "a brand new password" })).toEqual({ ok: true, value: { email: "linked@example.com" } });
    expect((await verifyCredentials(handle.db, "linked@example.com", "a brand new password"))?.id).toBe(person.id);
    expect(await sessionOpen(person.id, session)).toBe(false);
    expect((await setPasswordByToken(handle.db, { token: reset.token, password: "another password!" })).ok).toBe(false);
    const entries = await handle.db.select().from(auditLog).where(and(eq(auditLog.kind, "user"), eq(auditLog.subjectId, String(person.id))));
    expect(entries).toEqual([expect.objectContaining({ action: "password_set", actorType: "user", actorId: String(person.id), after: { through: "invitation" } })]);
  });

  it("refuses an expired link and a disabled person's link, and stores nothing", async () => {
    const person = await addPerson(handle.db, { email: "late@example.com", role: "staff", password: null });
    const old = await issueToken(handle.db, { userId: person.id, purpose: "invitation", lifetimeMs: HOUR, now: new Date(Date.now() - 2 * HOUR) });
    expect(await setPasswordByToken(handle.db, { token: old.token, password: "too late password" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const gone = await addPerson(handle.db, { email: "gone@example.com", role: "staff", password: null, disabled: true });
    const link = await issueToken(handle.db, { userId: gone.id, purpose: "password_reset", lifetimeMs: HOUR });
    expect(await setPasswordByToken(handle.db, { token: link.token, password: "disabled password" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const rows = await handle.db.select().from(users).where(eq(users.email, "gone@example.com"));
    expect(rows[0]!.passwordHash).toBeNull();
  });
});

describe("signing in", () => {
  it("a person without a password cannot sign in, with the answer a wrong password gets; a sign-in is recorded", async () => {
    const invited = await addPerson(handle.db, { email: "nopass@example.com", role: "staff", password: null });
    const throttle = createSignInThrottle();
    expect(await attemptSignIn(handle.db, { email: "nopass@example.com", password: "", address: "203.0.113.1" }, throttle)).toEqual({ ok: false, code: "wrong_credentials" });
    expect(await attemptSignIn(handle.db, { email: "nopass@example.com", password: "anything-at-all", address: "203.0.113.1" }, throttle)).toEqual({ ok: false, code: "wrong_credentials" });
    expect(invited.lastSignInAt).toBeNull();

    const member = await addPerson(handle.db, { email: "member@example.com", role: "staff", password: "member-password-1" });
    const before = Date.now();
    expect((await attemptSignIn(handle.db, { email: "member@example.com", password: "member-password-1", address: "203.0.113.2" }, throttle)).ok).toBe(true);
    const [row] = await handle.db.select().from(users).where(eq(users.id, member.id));
    expect(row!.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe("one's own account", () => {
  it("a new password needs the current one; the other sessions end, the asking browser stays", async () => {
    const person = await addPerson(handle.db, { email: "self@example.com", role: "staff", password: "current-password-1" });
    const here = await openAuthSession(handle.db, person.id, HOUR);
    const elsewhere = await openAuthSession(handle.db, person.id, HOUR);
    const wrong = await changeOwnPassword(handle.db, { userId: person.id, currentPassword: "not-it", newPassword: "next-password-22", keepSessionId: here });
    expect(wrong).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { currentPassword: ["currentPassword"] } } });
    expect(await sessionOpen(person.id, elsewhere)).toBe(true);

    const changed = await changeOwnPassword(handle.db, { userId: person.id, currentPassword: "current-password-1", newPassword: "next-password-22", keepSessionId: here });
    expect(changed).toEqual({ ok: true, value: { sessionsEnded: 1 } });
    expect(await sessionOpen(person.id, here)).toBe(true);
    expect(await sessionOpen(person.id, elsewhere)).toBe(false);
    expect((await verifyCredentials(handle.db, "self@example.com", "next-password-22"))?.id).toBe(person.id);
    const [entry] = await handle.db.select().from(auditLog).where(and(eq(auditLog.subjectId, String(person.id)), eq(auditLog.action, "password_set")));
    expect(JSON.stringify(entry)).not.toMatch(/\$2[aby]\$|next-password/);
  });

  it("five wrong current passwords lock the form, the right one included", async () => {
    const person = await addPerson(handle.db, { email: "guesser@example.com", role: "staff", password: "current-password-1" });
    for (let i = 0; i < 5; i++) await changeOwnPassword(handle.db, { userId: person.id, currentPassword: `guess-${i}`, newPassword: "next-password-22" });
    expect(await changeOwnPassword(handle.db, { userId: person.id, currentPassword: "current-password-1", newPassword: "next-password-22" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { currentPassword: ["tooManyTries"] } },
    });
  });

  it("a name change is trimmed, checked and recorded with the names before and after", async () => {
    const person = await addPerson(handle.db, { email: "renamed@example.com", role: "staff" });
    expect(await changeOwnName(handle.db, { userId: person.id, name: "   " })).toMatchObject({ ok: false, error: { fieldErrors: { name: ["name"] } } });
    expect(await changeOwnName(handle.db, { userId: person.id, name: "x".repeat(101) })).toMatchObject({ ok: false, error: { fieldErrors: { name: ["name"] } } });
    expect(await changeOwnName(handle.db, { userId: person.id, name: "  Renata Nowa " })).toEqual({ ok: true, value: { name: "Renata Nowa" } });
    const [entry] = await handle.db.select().from(auditLog).where(and(eq(auditLog.subjectId, String(person.id)), eq(auditLog.action, "name_changed")));
    expect(entry).toMatchObject({ before: { name: "renamed" }, after: { name: "Renata Nowa" }, actorId: String(person.id) });
  });
});

describe("forgot password", () => {
  it("answers the same, in about the same time, whether or not the address has an account; only a real account gets an email", async () => {
    await addPerson(handle.db, { email: "real@example.com", role: "staff", password: "real-password-1" });
    await addPerson(handle.db, { email: "disabled@example.com", role: "staff", disabled: true });
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await requestPasswordReset(handle.db, { email, address: "198.51.100.9", floorMs: 250 });
      return { answer, ms: performance.now() - started };
    };
    const real = await timed(" Real@Example.com ");
    const missing = await timed("nobody@example.com");
    const disabled = await timed("disabled@example.com");
    expect(missing.answer).toEqual(real.answer);
    expect(disabled.answer).toEqual(real.answer);
    for (const t of [real, missing, disabled]) expect(t.ms).toBeGreaterThanOrEqual(249);
    expect(Math.abs(real.ms - missing.ms)).toBeLessThan(150);

    expect(await mailTo("nobody@example.com")).toHaveLength(0);
    expect(await mailTo("disabled@example.com")).toHaveLength(0);
    const { token, payload } = await linkEmailedTo(handle.db, "real@example.com");
    expect(payload.template.account).toBe("password_reset");
    // The old password works until the new one is set through the link.
    expect(await verifyCredentials(handle.db, "real@example.com", "real-password-1")).toBeDefined();
    expect((await setPasswordByToken(handle.db, { token, password: "reset-password-2" })).ok).toBe(true);
    expect(await verifyCredentials(handle.db, "real@example.com", "real-password-1")).toBeUndefined();
  });

  it("over the limit for one email address, sends nothing more and still answers the same", async () => {
    await addPerson(handle.db, { email: "flooded@example.com", role: "staff" });
    const throttle = createForgotPasswordThrottle();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await requestPasswordReset(handle.db, { email: "flooded@example.com", address: `198.51.100.${20 + i}`, floorMs: 0, throttle }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await mailTo("flooded@example.com")).toHaveLength(3);
  });
});
