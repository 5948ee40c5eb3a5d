import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/authorize";
import { fillRoute, routeOf } from "./support/app-routes";
import { ACCESS_RANK, APP_TABLE, type Access } from "./support/app-table";
import { databaseFingerprint } from "./support/fingerprint";
import { ensureNextBuild, NEXT_SERVER_START_TIMEOUT_MS } from "./support/next-server";
import type { RouteRows } from "./support/route-rows";
import { CALLERS, startRunningApp, type Caller, type RunningApp } from "./support/running-app";
import { actionPath, callServerAction, emptyArguments, readServerActions, type ActionResponse, type ServerAction } from "./support/server-actions";

// The server actions are listed from the build, so it must exist before the tests are collected.
await ensureNextBuild();
const ACTIONS = readServerActions();

let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
}, NEXT_SERVER_START_TIMEOUT_MS);
afterAll(async () => app?.stop());

const rankOf = (caller: Caller) => (caller === "anonymous" ? 0 : ACCESS_RANK[caller]);
const passes = (caller: Caller, access: Access) => access === "public" || (access !== "api-key" && rankOf(caller) >= ACCESS_RANK[access]);

/** What our one role check, `authorize()`, says to a caller below the role: the text every action reply keeps. */
const REFUSAL_MESSAGE = {
  anonymous: refusalMessage(authorize(undefined, "staff")),
  staff: refusalMessage(authorize({ id: 0, email: "staff@example.com", name: "Staff", role: "staff" }, "admin")),
};
function refusalMessage(result: ReturnType<typeof authorize>): string {
  if (result.ok) throw new Error("authorize() let the caller through");
  return result.error.message;
}

function request(caller: Caller, path: string, init: RequestInit = {}) {
  const cookie = app.cookies[caller];
  return fetch(`${app.server.url}${path}`, { ...init, redirect: "manual", headers: { ...init.headers, ...(cookie ? { cookie } : {}) } });
}

const redirectTarget = (response: Response) => {
  const location = response.headers.get("location");
  return location === null ? null : new URL(location, "http://app.local").pathname;
};

const PAGES = Object.entries(APP_TABLE).filter(([file]) => file.endsWith("/page.tsx"));

describe("every page, requested as anonymous, staff and admin", () => {
  for (const [file, access] of PAGES) {
    for (const caller of CALLERS) {
      const expected =
        access === "public" ? "not sent to sign in" : passes(caller, access) ? "200" : caller === "anonymous" ? "redirect to /login" : "redirect to /forbidden";
      it(`${routeOf(file)} (${access}) as ${caller}: ${expected}`, async () => {
        const response = await request(caller, fillRoute(routeOf(file), app.rows.segments));
        const answer = `${response.status} ${redirectTarget(response) ?? ""}`;
        if (access === "public") {
          expect(response.status, answer).toBeLessThan(400);
          expect(["/login", "/forbidden"], answer).not.toContain(redirectTarget(response));
        } else if (passes(caller, access)) {
          expect(answer).toBe("200 ");
        } else {
          expect(answer).toBe(`307 ${caller === "anonymous" ? "/login" : "/forbidden"}`);
        }
      });
    }
  }
});

/** Route handlers that answer only a POST, with the form a customer's browser sends. */
function routeRequest(route: string, rows: RouteRows): RequestInit {
  if (route !== "/track/lookup") return {};
  return { method: "POST", body: new URLSearchParams({ number: rows.order.number, email: rows.order.customerEmail ?? "" }) };
}

const ROUTE_HANDLERS = Object.entries(APP_TABLE).filter(([file]) => file.endsWith("/route.ts"));

describe("every route handler, requested as anonymous, staff and admin", () => {
  for (const [file, access] of ROUTE_HANDLERS) {
    const route = routeOf(file);
    for (const caller of CALLERS) {
      const expected =
        access === "public" ? "neither 401 nor 403" : access === "api-key" ? "401: a session is not an API key" : passes(caller, access) ? "200" : caller === "anonymous" ? "401" : "403";
      it(`${route} (${access}) as ${caller}: ${expected}`, async () => {
        const response = await request(caller, fillRoute(route, app.rows.segments), routeRequest(route, app.rows));
        if (access === "public") {
          expect([401, 403], `${response.status}`).not.toContain(response.status);
          expect(response.status).toBeLessThan(400);
        } else if (access === "api-key") {
          expect(response.status).toBe(401);
        } else {
          expect(response.status).toBe(passes(caller, access) ? 200 : caller === "anonymous" ? 401 : 403);
        }
      });
    }
  }
});

/**
 * Arguments for the actions that reply nothing, so an allowed call shows itself by what it
 * changes: a dead message to retry, a dead delivery to resend. Every other action is called with
 * an empty form or an empty object per parameter; its reply carries the refusal.
 */
const PROBES: Record<string, (rows: RouteRows) => unknown[]> = {
  retryMessageAction: (rows) => [formData({ id: rows.deadEmailId })],
  resendWebhookDeliveryAction: (rows) => [formData({ endpointId: rows.endpointId, outboxId: rows.deadDeliveryId })],
};

function formData(fields: Record<string, string | number>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return form;
}

function probeArguments(action: ServerAction, rows: RouteRows): unknown[] {
  return PROBES[action.name]?.(rows) ?? emptyArguments(action);
}

type Call = { response: ActionResponse; wrote: boolean };

/** Calls the action once per caller (the most privileged last, as its call may change rows), noting what each changed. */
async function callAsEveryone(action: ServerAction): Promise<Record<Caller, Call>> {
  const calls = {} as Record<Caller, Call>;
  for (const caller of CALLERS) {
    const before = await databaseFingerprint(app.database.db);
    const response = await callServerAction(app.server.url, {
      action,
      path: actionPath(action, app.rows.segments),
      args: probeArguments(action, app.rows),
      cookie: app.cookies[caller],
    });
    const after = await databaseFingerprint(app.database.db);
    calls[caller] = { response, wrote: JSON.stringify(after) !== JSON.stringify(before) };
  }
  return calls;
}

describe("every server action in the build, called over HTTP as anonymous, staff and admin", () => {
  it("the build has server actions to check", () => {
    expect(ACTIONS.length).toBeGreaterThan(40);
  });

  for (const action of ACTIONS) {
    const access = APP_TABLE[action.module];
    it(`${action.module} ${action.name} (${access ?? "not in the table"})`, async () => {
      expect(access, `${action.module} is not in the authorisation table (tests/reliability/support/app-table.ts)`).toBeDefined();
      expect(["public", "staff", "admin"], `${action.module}: a server action cannot be "${access}"`).toContain(access);
      const calls = await callAsEveryone(action);
      const said = (caller: Caller) => `${caller}: HTTP ${calls[caller].response.status} ${calls[caller].response.text.slice(0, 400)}`;
      const refused = CALLERS.filter((caller) => !passes(caller, access!));
      for (const caller of CALLERS) {
        expect(calls[caller].response.status, said(caller)).toBeLessThan(500);
        expect(calls[caller].response.threw, said(caller)).toBe(false);
      }
      for (const caller of refused) {
        expect(calls[caller].wrote, `${said(caller)}: a refused call changed the database`).toBe(false);
        expect(calls[caller].response.revalidated, `${said(caller)}: a refused call revalidated pages`).toBe(false);
      }
      for (const caller of refused) {
        const { reply } = calls[caller].response;
        if (reply !== undefined) {
          expect(JSON.stringify(reply), said(caller)).toContain(REFUSAL_MESSAGE[caller as keyof typeof REFUSAL_MESSAGE]);
        } else {
          // The reply is empty, so the refusal shows only as nothing happening: that proves something
          // only if the same call from an allowed caller does change or revalidate something.
          const allowed = calls.admin;
          expect(allowed.wrote || allowed.response.revalidated, `${action.name} replies nothing and its allowed call changed nothing: give it arguments in PROBES`).toBe(true);
        }
      }
      for (const caller of CALLERS.filter((c) => passes(c, access!))) {
        const reply = JSON.stringify(calls[caller].response.reply ?? null);
        expect(reply, said(caller)).not.toContain(REFUSAL_MESSAGE.anonymous);
        expect(reply, said(caller)).not.toContain(REFUSAL_MESSAGE.staff);
      }
    });
  }
});
