import { translateIn } from "@/tests/support/translate";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MAX_JSON_DEPTH } from "@/lib/http/body-limits";
import { ok, refuse } from "@/lib/result";
import { createServerAction, formFields } from "./action";
import { ADMIN_USER, STAFF_USER } from "@/tests/support/session-users";
import type { SessionUser } from "./authorize";

const staff: SessionUser = STAFF_USER;
const admin: SessionUser = ADMIN_USER;
const schema = z.object({ name: z.string().min(1, "Name is required"), size: z.coerce.number().int().positive() });

function actionFor(user: SessionUser | undefined, role: "staff" | "admin") {
  const handler = vi.fn(async (input: z.infer<typeof schema>, who: SessionUser) => ({
    ok: true as const,
    value: `${who.name}:${input.name}:${input.size}`,
  }));
  const action = createServerAction(async () => user, translateIn("en"))({ role, schema, handler });
  return { action, handler };
}

describe("serverAction", () => {
  it("refuses a visitor without a session and never runs the handler", async () => {
    const { action, handler } = actionFor(undefined, "staff");
    expect(await action({ name: "x", size: 1 })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses staff on an admin action and never runs the handler", async () => {
    const { action, handler } = actionFor(staff, "admin");
    expect(await action({ name: "x", size: 1 })).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: "You do not have permission to do this." },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets admins do what staff can", async () => {
    const { action } = actionFor(admin, "staff");
    expect(await action({ name: "mug", size: "3" })).toEqual({ ok: true, value: "Ada:mug:3", message: "Done." });
    const inPolish = createServerAction(async () => staff, translateIn("pl"))({ role: "staff", schema, handler: async () => ({ ok: true as const, value: 1 }) });
    expect(await inPolish({ name: "mug", size: "3" })).toMatchObject({ ok: true, message: "Gotowe." });
  });

  it("reads a form's fields, as a form action or as useActionState calls it (previous state first)", async () => {
    const { action } = actionFor(staff, "staff");
    const form = new FormData();
    form.set("name", "mug");
    form.set("size", "3");
    expect(await action(form)).toMatchObject({ ok: true, value: "Stan:mug:3" });
    expect(await action({ ok: false, error: { code: "not_found", message: "stale" } }, form)).toMatchObject({ ok: true, value: "Stan:mug:3" });
  });

  it("gives a name sent more than once as the list of its values, a name sent once as its value", async () => {
    const form = new FormData();
    form.append("tag", "a");
    form.append("tag", "b");
    form.set("one", "x");
    expect(formFields(form)).toEqual({ tag: ["a", "b"], one: "x" });
  });

  it("revalidates and words the answer after a success only", async () => {
    const revalidate = vi.fn();
    const action = createServerAction(async () => staff, translateIn("en"))({
      role: "staff",
      schema,
      handler: async (input) => (input.size > 5 ? refuse("not_found", "No such mug.") : ok(input.name)),
      revalidate,
      message: (value) => `Saved ${value}.`,
    });
    expect(await action({ name: "mug", size: 9 })).toEqual({ ok: false, error: { code: "not_found", message: "No such mug." } });
    expect(revalidate).not.toHaveBeenCalled();
    expect(await action({ name: "mug", size: 1 })).toEqual({ ok: true, value: "mug", message: "Saved mug." });
    expect(revalidate).toHaveBeenCalledWith("mug", { name: "mug", size: 1 });
  });

  it("runs a public action without a session and without asking for one", async () => {
    const getUser = vi.fn(async () => undefined);
    const action = createServerAction(getUser, translateIn("en"))({
      role: "public",
      schema,
      handler: async (input, user) => ok(`${user?.name ?? "anyone"}:${input.name}`),
    });
    expect(await action({ name: "mug", size: 1 })).toMatchObject({ ok: true, value: "anyone:mug" });
    expect(getUser).not.toHaveBeenCalled();
  });

  it("refuses a NUL character (which Postgres cannot store) as a field error, before the handler", async () => {
    const { action, handler } = actionFor(staff, "staff");
    const result = await action({ name: "mu\u0000g", size: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { name: [expect.stringContaining("NUL")] } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses input nested 100,000 levels deep as validation_failed instead of overflowing the stack", async () => {
    const { action, handler } = actionFor(staff, "staff");
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = { deep };
    const result = await action({ name: deep, size: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns every field error, not just the first", async () => {
    const { action, handler } = actionFor(staff, "staff");
    const result = await action({ name: "", size: "-1" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("validation_failed");
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["name", "size"]);
      expect(result.error.fieldErrors?.name).toEqual(["Name is required"]);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a number the database cannot store (SQLSTATE 22003, wrapped by the driver) as validation_failed", async () => {
    const outOfRange = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("integer out of range"), { code: "22003" }) });
    const action = createServerAction(async () => staff, translateIn("en"))({
      role: "staff",
      schema,
      handler: async () => {
        throw outOfRange;
      },
    });
    expect(await action({ name: "x", size: 1 })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });

  it("lets every other error from the handler through", async () => {
    const action = createServerAction(async () => staff, translateIn("en"))({
      role: "staff",
      schema,
      handler: async () => {
        throw Object.assign(new Error("deadlock"), { code: "40P01" });
      },
    });
    await expect(action({ name: "x", size: 1 })).rejects.toThrow("deadlock");
  });
});
