import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { createAuthedAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/authorize";
import { automationActions } from "./definitions";

const staff: SessionUser = { id: 2, email: "staff@example.com", name: "Stan", role: "staff" };

describe("automation actions", () => {
  it("refuse a staff session with forbidden, every one, without touching the database", async () => {
    const getDb = vi.fn(async (): Promise<Db> => {
      throw new Error("a refused action must not open the database");
    });
    const actions = automationActions(createAuthedAction(async () => staff), getDb);
    const names = Object.keys(actions) as (keyof typeof actions)[];
    expect(names).toHaveLength(7);
    for (const name of names) {
      expect(await actions[name]({}), name).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(getDb).not.toHaveBeenCalled();
  });

  it("refuse a visitor without a session as unauthorized", async () => {
    const actions = automationActions(createAuthedAction(async () => undefined), vi.fn());
    expect(await actions.dryRun({ orderNumber: "ORD-1", trigger: "now" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});
