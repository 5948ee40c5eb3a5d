import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { createAuthedAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/authorize";
import { workflowActions } from "./definitions";

const staff: SessionUser = { id: 2, email: "staff@example.com", name: "Stan", role: "staff" };

describe("workflow studio actions", () => {
  it("refuse a staff session with forbidden, every one, without touching the database", async () => {
    const getDb = vi.fn(async (): Promise<Db> => {
      throw new Error("a refused action must not open the database");
    });
    const actions = workflowActions(createAuthedAction(async () => staff), getDb);
    const names = Object.keys(actions) as (keyof typeof actions)[];
    expect(names.length).toBeGreaterThanOrEqual(18);
    for (const name of names) {
      const result = await actions[name]({});
      expect(result, name).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(getDb).not.toHaveBeenCalled();
  });

  it("refuse a visitor without a session as unauthorized", async () => {
    const actions = workflowActions(createAuthedAction(async () => undefined), vi.fn());
    expect(await actions.setTransition({ orderTypeId: 1, from: 1, to: 2, allowed: true })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
  });

  it("return every field error of a bad status before reaching the database", async () => {
    const admin: SessionUser = { ...staff, id: 1, role: "admin" };
    const getDb = vi.fn();
    const actions = workflowActions(createAuthedAction(async () => admin), getDb);
    const result = await actions.createStatus({ code: "bad code!", name: " ", colour: "red", groupId: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("validation_failed");
      expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(["code", "name", "colour"]));
      expect(result.error.fieldErrors?.colour).toEqual(["Use a hex colour like #1d4ed8"]);
    }
    expect(getDb).not.toHaveBeenCalled();
  });
});
