import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { fieldsNamedIn, isRefusal, outcomeLabel } from "./support/action-replies";
import { databaseFingerprint } from "./support/fingerprint";
import { hostileText, hostileValue } from "./support/hostile";
import { Tally } from "./support/load";
import { ensureNextBuild, NEXT_SERVER_START_TIMEOUT_MS } from "./support/next-server";
import type { RouteRows } from "./support/route-rows";
import { startRunningApp, type RunningApp } from "./support/running-app";
import {
  actionParameters,
  actionPath,
  callServerAction,
  emptyArguments,
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
 * Real ids, versions and codes (and a form's "on"), so many calls name rows that exist and get
 * past the schema into the services and the database.
 */
function realValues(rows: RouteRows): (string | number | boolean)[] {
  const { order } = rows;
  const ids = [order.id, order.statusId, order.orderTypeId, rows.documentId, rows.deadEmailId, rows.endpointId, rows.ruleId];
  return [...ids, order.version, order.number, rows.segments["[code]"]!, "retail", true, false, "on"];
}

/** A file where the form has text: what a hand-made request can put in any field. */
const markupFile = new Blob(['<svg onload="alert(1)"/>'], { type: "image/svg+xml" });

/** Every named field with a real or a hostile value, then maybe an unknown or repeated one. */
function withEveryField<T>(fields: string[], value: fc.Arbitrary<T>): fc.Arbitrary<[string, T][]> {
  const named = fc.tuple(...fields.map((field) => fc.tuple(fc.constant(field), value)));
  const more = fc.array(fc.tuple(fc.constantFrom(...fields, "extra"), value), { maxLength: 2 });
  return fc.tuple(named, more).map(([a, b]) => [...a, ...b]);
}

function formArbitrary(fields: string[], real: (string | number | boolean)[]): fc.Arbitrary<FormData> {
  const text = fc.oneof(
    { arbitrary: fc.constantFrom(...real.map(String)), weight: 2 },
    { arbitrary: hostileText(), weight: 2 },
    { arbitrary: fc.constant<string | Blob>(markupFile), weight: 1 },
  );
  return withEveryField(fields, text).map((entries) => {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return form;
  });
}

function valueArbitrary(fields: string[], real: (string | number | boolean)[]): fc.Arbitrary<unknown> {
  const value = fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 2 }, { arbitrary: hostileValue(), weight: 1 });
  const shaped = withEveryField(fields, value).map((entries) => Object.fromEntries(entries));
  return fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: hostileValue(), weight: 1 });
}

/**
 * Arguments shaped as the screens send them (a FormData where the action takes a form's, so a
 * form's fields arrive as text or files) with hostile contents: wrong types, extra keys, objects
 * where text belongs, markup, NUL, huge strings, negative and huge numbers, and real ids.
 */
function argumentsArbitrary(kinds: ParameterKind[], fields: string[], real: (string | number | boolean)[]): fc.Arbitrary<unknown[]> {
  return fc.tuple(...kinds.map((kind) => (kind === "form-data" ? formArbitrary(fields, real) : valueArbitrary(fields, real))));
}

/** The input fields an action asks for, read from its own refusal of a blank screen's input. */
async function fieldsOf(action: ServerAction, path: string): Promise<string[]> {
  const response = await callServerAction(app.server.url, { action, path, args: emptyArguments(action), cookie: app.cookies.admin });
  return fieldsNamedIn(response.reply);
}

describe(`bad input on every server action, as an admin (${RUNS_PER_ACTION} runs each, seed ${SEED})`, () => {
  for (const action of ACTIONS) {
    it(`${action.module} ${action.name}: never a 500 or an error digest, and a refusal writes nothing`, async () => {
      const path = actionPath(action, app.rows.segments);
      const fields = await fieldsOf(action, path);
      const outcomes = new Tally();
      await fc.assert(
        fc.asyncProperty(argumentsArbitrary(actionParameters(action), fields, realValues(app.rows)), async (args) => {
          const before = await databaseFingerprint(app.database.db);
          const response = await callServerAction(app.server.url, { action, path, args, cookie: app.cookies.admin });
          outcomes.add(outcomeLabel(response));
          const said = `HTTP ${response.status} ${response.text.slice(0, 600)}`;
          expect(response.status, said).toBeLessThan(500);
          expect(response.threw, said).toBe(false);
          expect(response.text, said).not.toMatch(STACK_FRAME);
          if (isRefusal(response.reply)) expect(await databaseFingerprint(app.database.db), said).toEqual(before);
        }),
        { numRuns: RUNS_PER_ACTION, seed: SEED },
      );
      console.log(`${action.name} (fields: ${fields.join(", ") || "none named"})`, JSON.stringify(outcomes));
    });
  }
});
