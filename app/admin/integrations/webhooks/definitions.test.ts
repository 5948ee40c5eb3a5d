import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { createAuthedAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/authorize";
import { webhookActions } from "./definitions";

const staff: SessionUser = { id: 2, email: "staff@example.com", name: "Stan", role: "staff" };

describe("webhook actions", () => {
  it("refuse a staff session with forbidden, every one, without touching the database", async () => {
    const getDb = vi.fn(async (): Promise<Db> => {
      throw new Error("a refused action must not open the database");
    });
    const actions = webhookActions(createAuthedAction(async () => staff), getDb);
    const names = Object.keys(actions) as (keyof typeof actions)[];
    expect(names).toHaveLength(7);
    for (const name of names) {
      expect(await actions[name]({ id: 1 } as never), name).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(getDb).not.toHaveBeenCalled();
  });

  it("refuse a visitor without a session as unauthorized", async () => {
    const actions = webhookActions(createAuthedAction(async () => undefined), vi.fn());
    expect(await actions.resend({ endpointId: 1, outboxId: 2 })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("return every field error of a bad endpoint before reaching the database", async () => {
    const getDb = vi.fn();
    const actions = webhookActions(createAuthedAction(async () => ({ ...staff, role: "admin" })), getDb);
    const result = await actions.create({ url: "javascript:alert(1)", eventTypes: ["order.deleted"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["eventTypes.0", "url"]);
    expect(getDb).not.toHaveBeenCalled();
  });
});
