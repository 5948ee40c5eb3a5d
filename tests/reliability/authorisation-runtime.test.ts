import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/authorize";
import { STAFF_USER } from "@/tests/support/session-users";
import { fillRoute, routeOf } from "./support/app-routes";
import { APP_TABLE, type Access } from "./support/app-table";
import { databaseFingerprint } from "@/tests/support/fingerprint";
import { ensureNextBuild, NEXT_SERVER_START_TIMEOUT_MS } from "./support/next-server";
import type { RouteRows } from "./support/route-rows";
import { CALLER_AREAS, CALLERS, startRunningApp, type Caller, type RunningApp } from "./support/running-app";
import { actionPath, callServerAction, emptyArguments, endsSession, readServerActions, type ActionResponse, type ServerAction } from "./support/server-actions";

// The server actions are listed from the build, so it must exist before the tests are collected.
await ensureNextBuild();
const ACTIONS = readServerActions();

let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
}, NEXT_SERVER_START_TIMEOUT_MS);
afterAll(async () => app?.stop());

/** Whether the caller may use an entry point: public ones anyone, "staff" every signed-in member, an area the roles that open it. */
function passes(caller: Caller, access: Access): boolean {
  if (access === "public") return true;
  if (access === "api-key" || access === "carrier-secret" || caller === "anonymous") return false;
  return access === "staff" || CALLER_AREAS[caller].includes(access);
}

/** What our one access check, `authorize()`, says to a caller it refuses: the text every action reply keeps. */
const REFUSAL_MESSAGE = {
  signedOut: refusalMessage(authorize(undefined, "staff")),
  forbidden: refusalMessage(authorize(STAFF_USER, "admin")),
};
const refusalFor = (caller: Caller) => (caller === "anonymous" ? REFUSAL_MESSAGE.signedOut : REFUSAL_MESSAGE.forbidden);
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

describe("every page, requested as anonymous, staff, a warehouse role of the shop's own and admin", () => {
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
  // A return with nothing picked: refused, answered with a redirect back to the tracking page.
  if (/^\/track\/[^/]+\/return$/.test(route)) return { method: "POST", body: new URLSearchParams({ kind: "return" }) };
  if (route !== "/track/lookup") return {};
  return { method: "POST", body: new URLSearchParams({ number: rows.order.number, email: rows.order.customerEmail ?? "" }) };
}

const ROUTE_HANDLERS = Object.entries(APP_TABLE).filter(([file]) => file.endsWith("/route.ts"));

describe("every route handler, requested as anonymous, staff, the warehouse role and admin", () => {
  for (const [file, access] of ROUTE_HANDLERS) {
    const route = routeOf(file);
    for (const caller of CALLERS) {
      const expected =
        access === "public"
          ? "neither 401 nor 403"
          : access === "api-key"
            ? "401: a session is not an API key"
            : access === "carrier-secret"
              ? "401: a session is not the carrier's secret"
              : passes(caller, access)
                ? "200"
                : caller === "anonymous"
                  ? "401"
                  : "403";
      it(`${route} (${access}) as ${caller}: ${expected}`, async () => {
        const response = await request(caller, fillRoute(route, app.rows.segments), routeRequest(route, app.rows));
        if (access === "public") {
          expect([401, 403], `${response.status}`).not.toContain(response.status);
          expect(response.status).toBeLessThan(400);
        } else if (access === "api-key" || access === "carrier-secret") {
          expect(response.status).toBe(401);
        } else {
          expect(response.status).toBe(passes(caller, access) ? 200 : caller === "anonymous" ? 401 : 403);
        }
      });
    }
  }
});

/**
 * Arguments for the actions whose screens read no reply (a plain form's button), so an allowed
 * call also shows itself by what it changes: a dead message to retry, a dead delivery to resend.
 * Every other action is called with an empty form or an empty object per parameter; its reply
 * carries the refusal.
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
    // The session first: signing in writes a session row, which is not the action's doing.
    const cookie = endsSession(action) ? await app.newSession(caller) : app.cookies[caller];
    const before = await databaseFingerprint(app.database.db);
    const response = await callServerAction(app.server.url, {
      action,
      path: actionPath(action, app.rows.segments),
      args: probeArguments(action, app.rows),
      cookie,
    });
    const after = await databaseFingerprint(app.database.db);
    calls[caller] = { response, wrote: JSON.stringify(after) !== JSON.stringify(before) };
  }
  return calls;
}

describe("every server action in the build, called over HTTP as anonymous, staff, the warehouse role and admin", () => {
  it("the build has server actions to check", () => {
    expect(ACTIONS.length).toBeGreaterThan(40);
  });

  for (const action of ACTIONS) {
    const access = APP_TABLE[action.module];
    it(`${action.module} ${action.name} (${access ?? "not in the table"})`, async () => {
      expect(access, `${action.module} is not in the authorisation table (tests/reliability/support/app-table.ts)`).toBeDefined();
      expect(["api-key", "carrier-secret"], `${action.module}: a server action cannot be "${access}"`).not.toContain(access);
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
          expect(JSON.stringify(reply), said(caller)).toContain(refusalFor(caller));
        } else {
          // The reply is empty, so the refusal shows only as nothing happening: that proves something
          // only if the same call from an allowed caller does change or revalidate something.
          const allowed = calls.admin;
          expect(allowed.wrote || allowed.response.revalidated, `${action.name} replies nothing and its allowed call changed nothing: give it arguments in PROBES`).toBe(true);
        }
      }
      for (const caller of CALLERS.filter((c) => passes(c, access!))) {
        const reply = JSON.stringify(calls[caller].response.reply ?? null);
        expect(reply, said(caller)).not.toContain(REFUSAL_MESSAGE.signedOut);
        expect(reply, said(caller)).not.toContain(REFUSAL_MESSAGE.forbidden);
      }
    });
  }
});
