import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, carrierReceivers, parcelEvents } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { historyOf, reload } from "@/lib/automation/test-support";
import { setTracking } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { issueCarrierReceiverSecret } from "./receivers";
import { handleCarrierRequest } from "./webhook-request";

/**
 * InPost ShipX's tracking webhooks as InPost sends them (the documented examples, "Webhooks",
 * dokumentacja-inpost.atlassian.net), to /api/carriers/inpost/<secret>.
 */
let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;
let secret: string;
const admin = { type: "user" as const, id: "1", label: "Ada Admin" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
});
afterAll(async () => handle?.close());

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const statusChanged = (trackingNumber: string | null, status = "delivered", eventTs = "2026-03-20 15:08:42 +0100") => ({
  event_ts: eventTs,
  event: "shipment_status_changed",
  organization_id: 1,
  payload: { shipment_id: 49, status, tracking_number: trackingNumber },
});

function send(body: unknown, options: { secret?: string; method?: string; contentType?: string; raw?: string } = {}) {
  const address = { carrier: "inpost", secret: options.secret ?? secret };
  const method = options.method ?? "POST";
  const request = new Request(`http://shop.example/api/carriers/inpost/${address.secret}`, {
    method,
    ...(method === "POST" ? { body: options.raw ?? JSON.stringify(body), headers: { "content-type": options.contentType ?? "application/json" } } : {}),
  });
  return handleCarrierRequest(db, request, address);
}

async function problem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status, code, detail: expect.any(String) });
  return body;
}

async function parcelOrder(trackingNumber: string) {
  const order = await createTestOrder(db, flow.type.code);
  must(await setTracking(db, { orderId: order.id, courier: "inpost", trackingNumber, actor: admin }));
  return reload(db, order.id);
}

const parcelEntries = async (orderId: number) => (await historyOf(db, orderId)).filter((e) => e.type === "parcel_event");

describe("the InPost receiving address", () => {
  it("answers 401 before it is set up, and nothing is read", async () => {
    await problem(await send(statusChanged("1"), { secret: "0".repeat(64) }), 401, "unauthorized");
  });

  it("answers InPost's GET with 200 once set up, and a wrong or another carrier's secret with a 401 problem that asks for no bearer token", async () => {
    secret = must(await issueCarrierReceiverSecret(db, "inpost", admin)).receiver.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const get = await send(undefined, { method: "GET" });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ carrier: "inpost", receiving: true });
    const wrong = await send(statusChanged("1"), { secret: secret.replace(/.$/, (c) => (c === "0" ? "1" : "0")) });
    await problem(wrong, 401, "unauthorized");
    expect(wrong.headers.get("www-authenticate")).toBeNull();
    await problem(await handleCarrierRequest(db, new Request("http://shop.example/", { method: "GET" }), { carrier: "dpd", secret }), 401, "unauthorized");
    const [receiver] = await db.select().from(carrierReceivers).where(eq(carrierReceivers.carrier, "inpost"));
    expect(receiver!.lastReceivedAt).not.toBeNull();
  });

  it("records the documented status change on the order with that tracking number, once however often it comes", async () => {
    const order = await parcelOrder("602677439331630337653846");
    const first = await send(statusChanged(order.trackingNumber));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: 1, duplicates: 0 });
    expect((await send(statusChanged(order.trackingNumber))).status).toBe(200);
    expect(await (await send(statusChanged(order.trackingNumber))).json()).toEqual({ recorded: 0, duplicates: 1 });
    const entries = await parcelEntries(order.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorType: "system",
      actorId: "carrier:inpost",
      actorLabel: "InPost",
      data: { event: "delivered", carrier: "inpost", carrierStatus: "delivered", trackingNumber: order.trackingNumber, occurredAt: "2026-03-20T14:08:42.000Z" },
    });
  });

  it("records every order carrying the parcel", async () => {
    const a = await parcelOrder("602677439331630337650001");
    const b = await parcelOrder("602677439331630337650001");
    expect(await (await send(statusChanged("602677439331630337650001", "out_for_delivery"))).json()).toEqual({ recorded: 2, duplicates: 0 });
    for (const order of [a, b]) expect((await parcelEntries(order.id)).map((e) => e.data)).toMatchObject([{ event: "out_for_delivery" }]);
  });

  it("records a status missing from the table as in transit, keeping InPost's word and marking it unknown", async () => {
    const order = await parcelOrder("602677439331630337650002");
    expect(await (await send(statusChanged(order.trackingNumber, "parcel_on_a_drone"))).json()).toEqual({ recorded: 1, duplicates: 0 });
    expect((await parcelEntries(order.id))[0]!.data).toMatchObject({ event: "in_transit", carrierStatus: "parcel_on_a_drone", unknownStatus: true });
  });

  it("acknowledges and records nothing for an event with no status, a status that says nothing, no tracking number or a parcel no order carries", async () => {
    const order = await parcelOrder("602677439331630337650003");
    const confirmed = { event_ts: "2026-03-20 15:08:06 +0100", event: "shipment_confirmed", organization_id: 1, payload: { shipment_id: 49, tracking_number: order.trackingNumber } };
    expect(await (await send(confirmed)).json()).toEqual({ recorded: 0, duplicates: 0, ignored: "event" });
    expect(await (await send(statusChanged(order.trackingNumber, "pickup_reminder_sent"))).json()).toEqual({ recorded: 0, duplicates: 0, ignored: "status" });
    expect(await (await send(statusChanged(null))).json()).toEqual({ recorded: 0, duplicates: 0, ignored: "no_tracking_number" });
    expect(await (await send(statusChanged("999999999999999999999999"))).json()).toEqual({ recorded: 0, duplicates: 0 });
    expect(await parcelEntries(order.id)).toEqual([]);
  });

  it("refuses malformed bodies with the API's problems: not JSON, not the documented shape, a NUL character, another media type, too large", async () => {
    const before = await db.select().from(parcelEvents);
    await problem(await send(undefined, { raw: "{" }), 400, "malformed_json");
    const shape = await problem(await send({ event: "shipment_status_changed", payload: { status: 7 } }), 422, "validation_failed");
    expect(Object.keys(shape.errors).sort()).toEqual(["event_ts"]);
    const status = await problem(await send({ ...statusChanged("1"), payload: { status: 7 } }), 422, "validation_failed");
    expect(Object.keys(status.errors)).toEqual(["payload.status"]);
    const nul = await problem(await send(statusChanged("\u0000")), 422, "validation_failed");
    expect(Object.keys(nul.errors)).toEqual(["payload.tracking_number"]);
    await problem(await send(undefined, { raw: "status=delivered", contentType: "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
    await problem(await send(undefined, { raw: JSON.stringify({ pad: "x".repeat(70 * 1024) }) }), 413, "payload_too_large");
    expect(await db.select().from(parcelEvents)).toEqual(before);
  });

  it("stops answering to the old secret once replaced; setting up and replacing are audited without the secret", async () => {
    const old = secret;
    const rotated = must(await issueCarrierReceiverSecret(db, "inpost", SYSTEM_AUDIT_ACTOR));
    expect(rotated.rotated).toBe(true);
    secret = rotated.receiver.secret;
    await problem(await send(undefined, { method: "GET", secret: old }), 401, "unauthorized");
    expect((await send(undefined, { method: "GET" })).status).toBe(200);
    const entries = await db.select().from(auditLog).where(eq(auditLog.kind, "carrier_receiver")).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, e.subjectId, e.subjectLabel])).toEqual([
      ["created", "inpost", "InPost"],
      ["secret_rotated", "inpost", "InPost"],
    ]);
    expect(JSON.stringify(entries)).not.toContain(old);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it("refuses to set up a carrier Orderly cannot read", async () => {
    expect(await issueCarrierReceiverSecret(db, "dpd", admin)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
