import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { authorize } from "@/lib/auth/authorize";
import { env } from "@/lib/env";
import { fieldsNamedIn, isRefusal, outcomeLabel } from "./support/action-replies";
import { databaseFingerprint } from "@/tests/support/fingerprint";
import { hostileText, hostileValue } from "./support/hostile";
import { Tally } from "./support/load";
import { ensureNextBuild, NEXT_SERVER_START_TIMEOUT_MS } from "./support/next-server";
import type { RouteRows } from "./support/route-rows";
import { restoreDemoAdmin, startRunningApp, type RunningApp } from "./support/running-app";
import {
  actionParameters,
  actionPath,
  callServerAction,
  emptyArguments,
  changesPeople,
  endsSession,
  readServerActions,
  type ParameterKind,
  type ServerAction,
} from "./support/server-actions";

// The actions are listed from the build, so it must exist before the tests are collected.
await ensureNextBuild();
const ACTIONS = readServerActions();

const RUNS_PER_ACTION = 25;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;
/** A Node stack frame: `    at fn (/path/file.js:10:5)`. */
const STACK_FRAME = /\n\s+at .+\.(ts|js):\d+:\d+/;

let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
}, NEXT_SERVER_START_TIMEOUT_MS);
afterAll(async () => app?.stop());

/**
 * Real ids and versions, and real codes and a form's "on", so many calls name rows that exist and
 * get past the schema into the services and the database. Ids come first: most fields are ids.
 */
type RealValues = { ids: number[]; others: (string | boolean)[] };
function realValues(rows: RouteRows): RealValues {
  const { order } = rows;
  return {
    ids: [order.id, order.version, order.statusId, order.orderTypeId, rows.documentId, rows.deadEmailId, rows.endpointId, rows.ruleId],
    others: [order.number, rows.segments["[code]"]!, "retail", true, false, "on"],
  };
}

/** A file where the form has text: what a hand-made request can put in any field. */
const markupFile = new Blob(['<svg onload="alert(1)"/>'], { type: "image/svg+xml" });

/** Every named field with a real or a hostile value, then maybe an unknown or repeated one. */
function withEveryField<T>(fields: string[], value: fc.Arbitrary<T>): fc.Arbitrary<[string, T][]> {
  const named = fc.tuple(...fields.map((field) => fc.tuple(fc.constant(field), value)));
  const more = fc.array(fc.tuple(fc.constantFrom(...fields, "extra"), value), { maxLength: 2 });
  return fc.tuple(named, more).map(([a, b]) => [...a, ...b]);
}

/** A FormData that prints its fields, so a counterexample can be read and replayed. */
function formOf(entries: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  const shown = entries.map(([name, value]) => [name, typeof value === "string" ? value.slice(0, 80) : "<file>"]);
  Object.defineProperty(form, fc.toStringMethod, { value: () => `FormData(${JSON.stringify(shown)})` });
  return form;
}

function formArbitrary(fields: string[], real: RealValues): fc.Arbitrary<FormData> {
  const text = fc.oneof(
    { arbitrary: fc.constantFrom(...real.ids.map(String)), weight: 3 },
    { arbitrary: fc.constantFrom(...real.others.map(String)), weight: 1 },
    { arbitrary: hostileText(), weight: 2 },
    { arbitrary: fc.constant<string | Blob>(markupFile), weight: 1 },
  );
  return withEveryField(fields, text).map(formOf);
}

function valueArbitrary(fields: string[], real: RealValues): fc.Arbitrary<unknown> {
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...real.ids), weight: 3 },
    { arbitrary: fc.constantFrom(...real.others), weight: 1 },
    { arbitrary: hostileValue(), weight: 1 },
  );
  const shaped = withEveryField(fields, value).map((entries) => Object.fromEntries(entries));
  return fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: hostileValue(), weight: 1 });
}

/**
 * Arguments shaped as the screens send them (a FormData where the action takes a form's, so a
 * form's fields arrive as text or files) with hostile contents: wrong types, extra keys, objects
 * where text belongs, markup, NUL, huge strings, negative and huge numbers, and real ids.
 */
function argumentsArbitrary(kinds: ParameterKind[], fields: string[], real: RealValues): fc.Arbitrary<unknown[]> {
  const arbitraryOf = (kind: ParameterKind) => {
    if (kind === "form-data") return formArbitrary(fields, real);
    if (kind === "value") return valueArbitrary(fields, real);
    return fc.oneof(formArbitrary(fields, real), valueArbitrary(fields, real));
  };
  return fc.tuple(...kinds.map(arbitraryOf));
}

/** One past the largest value of a Postgres `integer` column, where every id and amount is kept. */
const PAST_INTEGER_RANGE = 2 ** 31;

/** Every named field set to PAST_INTEGER_RANGE: tried first in every run, so the overflow is never left to chance. */
function pastIntegerRange(kinds: ParameterKind[], fields: string[]): unknown[] {
  return kinds.map((kind) => {
    if (kind === "value") return Object.fromEntries(fields.map((field) => [field, PAST_INTEGER_RANGE]));
    return formOf(fields.map((field) => [field, String(PAST_INTEGER_RANGE)]));
  });
}

const signedOut = authorize(undefined, "staff");
if (signedOut.ok) throw new Error("authorize() let an anonymous caller through");
const SIGNED_OUT_MESSAGE = signedOut.error.message;

/** The admin's shared session, or a new one for an action that ends the session it is called with. */
async function adminCookieFor(action: ServerAction): Promise<string> {
  // An action on people may have disabled, demoted or reset the calling admin on an earlier run:
  // the demo admin is put back as seeded before it signs in again.
  if (changesPeople(action)) await restoreDemoAdmin(app.database.db);
  return endsSession(action) ? app.newSession("admin") : app.cookies.admin;
}

/**
 * Disabling the demo admin or resetting their password rightly ends every session they hold,
 * the shared one too: after an action on people, the admin is put back and signs in afresh, so
 * the actions fuzzed after it are not refused as signed out.
 */
async function renewSharedAdminSession(): Promise<void> {
  await restoreDemoAdmin(app.database.db);
  app.cookies.admin = await app.newSession("admin");
}

/** The input fields an action asks for, read from its own refusal of a blank screen's input. */
async function fieldsOf(action: ServerAction, path: string): Promise<string[]> {
  const response = await callServerAction(app.server.url, { action, path, args: emptyArguments(action), cookie: await adminCookieFor(action) });
  return fieldsNamedIn(response.reply);
}

describe(`bad input on every server action, as an admin (${RUNS_PER_ACTION} runs each, seed ${SEED})`, () => {
  for (const action of ACTIONS) {
    it(`${action.module} ${action.name}: never a 500 or an error digest, and a refusal writes nothing`, async () => {
      const path = actionPath(action, app.rows.segments);
      const fields = await fieldsOf(action, path);
      const kinds = actionParameters(action);
      const outcomes = new Tally();
      onTestFinished(async () => {
        if (changesPeople(action)) await renewSharedAdminSession();
      });
      await fc.assert(
        fc.asyncProperty(argumentsArbitrary(kinds, fields, realValues(app.rows)), async (args) => {
          // The session first: signing in writes a session row, which is not the action's doing.
          const cookie = await adminCookieFor(action);
          const before = await databaseFingerprint(app.database.db);
          const response = await callServerAction(app.server.url, { action, path, args, cookie });
          outcomes.add(outcomeLabel(response));
          const said = `HTTP ${response.status} ${response.text.slice(0, 600)}`;
          expect(response.status, said).toBeLessThan(500);
          expect(response.threw, said).toBe(false);
          expect(response.text, said).not.toMatch(STACK_FRAME);
          // Fuzzing a signed-out caller would only ever reach the role check.
          expect(response.text, `${said}: the admin's session had ended`).not.toContain(SIGNED_OUT_MESSAGE);
          if (isRefusal(response.reply)) expect(await databaseFingerprint(app.database.db), said).toEqual(before);
        }),
        { numRuns: RUNS_PER_ACTION, seed: SEED, examples: [[pastIntegerRange(kinds, fields)]] },
      );
      console.log(`${action.name} (fields: ${fields.join(", ") || "none named"})`, JSON.stringify(outcomes));
    });
  }
});
