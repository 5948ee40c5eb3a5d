import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createAuthedAction } from "./action";
import type { SessionUser } from "./authorize";

const staff: SessionUser = { id: 2, email: "staff@example.com", name: "Stan", role: "staff" };
const admin: SessionUser = { id: 1, email: "admin@example.com", name: "Ada", role: "admin" };
const schema = z.object({ name: z.string().min(1, "Name is required"), size: z.coerce.number().int().positive() });

function actionFor(user: SessionUser | undefined, role: "staff" | "admin") {
  const handler = vi.fn(async (input: z.infer<typeof schema>, who: SessionUser) => ({
    ok: true as const,
    value: `${who.name}:${input.name}:${input.size}`,
  }));
  const action = createAuthedAction(async () => user)({ role, schema }, handler);
  return { action, handler };
}

describe("authedAction", () => {
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
    expect(await action({ name: "mug", size: "3" })).toEqual({ ok: true, value: "Ada:mug:3" });
  });

  it("refuses a NUL character (which Postgres cannot store) as a field error, before the handler", async () => {
    const { action, handler } = actionFor(staff, "staff");
    const result = await action({ name: "mu\u0000g", size: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { name: [expect.stringContaining("NUL")] } } });
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
    const action = createAuthedAction(async () => staff)({ role: "staff", schema }, async () => {
      throw outOfRange;
    });
    expect(await action({ name: "x", size: 1 })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });

  it("lets every other error from the handler through", async () => {
    const action = createAuthedAction(async () => staff)({ role: "staff", schema }, async () => {
      throw Object.assign(new Error("deadlock"), { code: "40P01" });
    });
    await expect(action({ name: "x", size: 1 })).rejects.toThrow("deadlock");
  });
});
