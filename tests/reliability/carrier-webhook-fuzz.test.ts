import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { env } from "@/lib/env";
import { setTracking } from "@/lib/orders";
import { CARRIER_KEYS } from "@/lib/parcels/carriers";
import { INPOST_SHIPX_STATUSES } from "@/lib/parcels/carrier-statuses";
import { issueCarrierReceiverSecret } from "@/lib/parcels/receivers";
import { handleCarrierRequest } from "@/lib/parcels/webhook-request";
import { databaseFingerprint } from "@/tests/support/fingerprint";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { hostileValue } from "./support/hostile";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

/**
 * The carriers' receiving addresses (`/api/carriers/{carrier}/{secret}`, ADR 0159) under hostile
 * input, as /api/v1 is in api-fuzz.test.ts: bodies shaped like the carrier's webhook with hostile
 * values at every field, nested and prototype keys, text that is not JSON, and wrong secrets.
 * Never a 500; a refusal is a problem and writes nothing (the receiver's last-contact stamp aside,
 * which every request with the right secret sets).
 */
const RUNS = 200;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;

let database: ScratchDatabase;
let secrets: Record<string, string>;
let trackingNumber: string;
beforeAll(async () => {
  database = await openScratchDatabase({ max: 4 });
  const wf = await createLoopingWorkflow(database.db);
  const order = await placeOrder(database.db, wf, { customer: { name: "Fuzz Parcel", email: "parcel@example.com" } });
  trackingNumber = `6026774393316303${order.id}`;
  const tracked = await setTracking(database.db, { orderId: order.id, courier: "inpost", trackingNumber, actor: { type: "system", label: "Reliability" } });
  if (!tracked.ok) throw new Error(tracked.error.message);
  secrets = {};
  for (const carrier of CARRIER_KEYS) {
    const issued = await issueCarrierReceiverSecret(database.db, carrier, SYSTEM_AUDIT_ACTOR);
    if (!issued.ok) throw new Error(issued.error.message);
    secrets[carrier] = issued.value.receiver.secret;
  }
});
afterAll(async () => database?.close());

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

/** ShipX's webhook with any of its fields replaced by something hostile, or a key that is not one of its. */
function shipxBody() {
  // Mostly the documented values, so that well-formed reports are recorded too.
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary, weight: 4 }, { arbitrary: hostileValue(), weight: 1 });
  const payload = fc.record(
    {
      shipment_id: sometimes(fc.integer()),
      status: sometimes(fc.constantFrom(...Object.keys(INPOST_SHIPX_STATUSES.statuses), "not_in_the_table")),
      tracking_number: sometimes(fc.oneof({ arbitrary: fc.constant(trackingNumber), weight: 3 }, { arbitrary: fc.constantFrom(null, "000"), weight: 1 })),
    },
    { requiredKeys: [] },
  );
  const body = fc.record(
    {
      // Times ShipX writes, ISO 8601, and times that only look like one.
      event_ts: sometimes(
        fc.oneof(
          { arbitrary: fc.constantFrom("2026-03-20 15:08:42 +0100", "2026-03-20T15:08:42Z"), weight: 2 },
          { arbitrary: fc.constantFrom("2026-02-31 10:00:00 +0100", "2026-03-20 25:00:00 +0100", "yesterday", "", "2026-03-20"), weight: 1 },
        ),
      ),
      event: sometimes(fc.oneof({ arbitrary: fc.constant("shipment_status_changed"), weight: 3 }, { arbitrary: fc.constantFrom("shipment_confirmed", "offers_prepared"), weight: 1 })),
      organization_id: sometimes(fc.integer()),
      payload: sometimes(payload),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    body.map((value) => ({ text: JSON.stringify(value), type: "application/json" })),
    // A prototype or unknown key inside, written as text (an object literal would set a prototype).
    fc.tuple(body, fc.constantFrom("extra", ...PROTOTYPE_KEYS), hostileValue()).map(([value, key, inner]) => ({
      text: `{${JSON.stringify(key)}:${JSON.stringify(inner) ?? "null"},${JSON.stringify(value).slice(1)}`,
      type: "application/json",
    })),
    fc.jsonValue().map((value) => ({ text: JSON.stringify(value), type: "application/json" })),
    fc.string().map((text) => ({ text, type: "application/json" })),
    fc.string().map((text) => ({ text, type: "text/plain" })),
  );
}

/** The database as a refused request must leave it; the receiver's last-contact stamp is bookkeeping of the request itself. */
async function fingerprint() {
  const { carrier_receivers: _stamped, ...rest } = await databaseFingerprint(database.db);
  return rest;
}

describe(`bad input on the carriers' receiving addresses (${RUNS} runs, seed ${SEED})`, () => {
  it("POST with the right secret: never a 500, a refusal is a problem that writes nothing", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CARRIER_KEYS), shipxBody(), async (carrier, { text, type }) => {
        const before = await fingerprint();
        const request = new Request(`http://shop.example/api/carriers/${carrier}/${secrets[carrier]}`, { method: "POST", body: text, headers: { "content-type": type } });
        const response = await handleCarrierRequest(database.db, request, { carrier, secret: secrets[carrier]! });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const body = await response.text();
        expect(response.status, body).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get("content-type")).toBe("application/problem+json");
          expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
          expect(await fingerprint()).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log("POST /api/carriers/{carrier}/{secret}", JSON.stringify(Object.fromEntries(statuses)));
    // Hostile values reach the reader: most bodies are refused, and some well-formed ones are recorded.
    expect(statuses.get(422) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  });

  it("any carrier or secret that is not a set-up address: 401 for GET and POST, nothing read, nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...CARRIER_KEYS), fc.string(), fc.constantFrom(...PROTOTYPE_KEYS)),
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }), fc.constantFrom("", "%00", "x".repeat(5000))),
        fc.constantFrom("GET", "POST"),
        async (carrier, secret, method) => {
          fc.pre(secret !== secrets[carrier]);
          const before = await databaseFingerprint(database.db);
          const request = new Request("http://shop.example/api/carriers/x/y", { method, ...(method === "POST" ? { body: "{", headers: { "content-type": "application/json" } } : {}) });
          const response = await handleCarrierRequest(database.db, request, { carrier, secret });
          expect(response.status).toBe(401);
          expect(response.headers.get("content-type")).toBe("application/problem+json");
          expect(await databaseFingerprint(database.db)).toEqual(before);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
