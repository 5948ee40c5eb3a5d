import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/authorize";
import { ADMIN_USER, STAFF_USER } from "@/tests/support/session-users";

/**
 * Every admin server action, called as the page calls it with a staff session, a visitor and an
 * admin: the real "use server" modules, with the session and the database replaced, so a new
 * action is checked the moment it is exported.
 */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined }));
const getDb = vi.hoisted(() =>
  vi.fn(async () => {
    throw new Error("a refused action must not open the database");
  }),
);

vi.mock("@/lib/auth", async () => {
  const { createServerAction } = await import("@/lib/auth/action");
  const { translateIn } = await import("@/tests/support/translate");
  return { serverAction: createServerAction(async () => session.user, translateIn("en")), actorOf: vi.fn() };
});
vi.mock("@/db", () => ({ getDb }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const modules = {
  statuses: () => import("./statuses/actions"),
  workflows: () => import("./workflows/actions"),
  "workflow-io": () => import("./workflow-io/actions"),
  automations: () => import("./automations/actions"),
  webhooks: () => import("./integrations/webhooks/actions"),
  integrations: () => import("./integrations/actions"),
  templates: () => import("./templates/actions"),
  settings: () => import("./settings/actions"),
  mailbox: () => import("./mailbox/actions"),
  users: () => import("./users/actions"),
};

type Action = (input: unknown) => Promise<unknown>;
async function everyAction(): Promise<[string, Action][]> {
  const loaded = await Promise.all(Object.entries(modules).map(async ([name, load]) => [name, await load()] as const));
  return loaded.flatMap(([name, exports]) => Object.entries(exports).map(([action, fn]): [string, Action] => [`${name}.${action}`, fn as Action]));
}

const staff: SessionUser = STAFF_USER;
const admin: SessionUser = ADMIN_USER;

beforeEach(() => {
  getDb.mockClear();
});

describe("admin server actions", () => {
  it("refuse a staff session with forbidden, every one, without touching the database", async () => {
    session.user = staff;
    const actions = await everyAction();
    expect(actions.length).toBeGreaterThanOrEqual(38);
    for (const [name, action] of actions) {
      expect(await action({ id: 1 }), name).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(getDb).not.toHaveBeenCalled();
  });

  it("refuse a visitor without a session as unauthorized", async () => {
    session.user = undefined;
    for (const [name, action] of await everyAction()) {
      expect(await action({}), name).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    }
  });

  it("return every field error of a bad status or endpoint before reaching the database", async () => {
    session.user = admin;
    const { createStatusAction } = await modules.statuses();
    const status = await createStatusAction({ code: "bad code!", name: " ", colour: "red", groupId: 1 });
    expect(status.ok).toBe(false);
    if (!status.ok) {
      expect(status.error.code).toBe("validation_failed");
      expect(Object.keys(status.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(["code", "name", "colour"]));
      expect(status.error.fieldErrors?.colour).toEqual(["Use a hex colour like #1d4ed8"]);
    }
    const { createWebhookEndpointAction } = await modules.webhooks();
    const endpoint = await createWebhookEndpointAction({ url: "javascript:alert(1)", eventTypes: ["order.deleted"] });
    if (!endpoint.ok) expect(Object.keys(endpoint.error.fieldErrors ?? {}).sort()).toEqual(["eventTypes.0", "url"]);
    expect(endpoint.ok).toBe(false);
    expect(getDb).not.toHaveBeenCalled();
  });

  it("read an endpoint form with one event ticked, or none, as a list", async () => {
    session.user = admin;
    const { createWebhookEndpointAction } = await modules.webhooks();
    const form = new FormData();
    form.set("url", "javascript:alert(1)");
    form.set("eventTypes", "order.deleted");
    const one = await createWebhookEndpointAction(null, form);
    expect(!one.ok && Object.keys(one.error.fieldErrors ?? {}).sort()).toEqual(["eventTypes.0", "url"]);
    form.delete("eventTypes");
    const none = await createWebhookEndpointAction(null, form);
    expect(!none.ok && Object.keys(none.error.fieldErrors ?? {}).sort()).toEqual(["eventTypes", "url"]);
  });
});
