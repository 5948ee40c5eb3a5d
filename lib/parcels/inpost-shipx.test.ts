import { describe, expect, it } from "vitest";
import { inpostShipx, parseShipxTime } from "./inpost-shipx";

// The examples of InPost's ShipX documentation ("Webhooks", dokumentacja-inpost.atlassian.net),
// as published: the status change, the shipment confirmation, and the older variant with
// `created_by_id` and a null tracking number.
const STATUS_CHANGED = {
  event_ts: "2020-03-20 15:08:42 +0100",
  event: "shipment_status_changed",
  organization_id: 1,
  payload: { shipment_id: 49, status: "delivered", tracking_number: "602677439331630337653846" },
};
const CONFIRMED = { event_ts: "2020-03-20 15:08:06 +0100", event: "shipment_confirmed", organization_id: 1, payload: { shipment_id: 49, tracking_number: "602677439331630337653846" } };
const OLDER = {
  event_ts: "2018-07-17 12:57:29 +0200",
  event: "shipment_status_changed",
  organization_id: 35,
  created_by_id: null,
  payload: { shipment_id: 87235, status: "delivered", tracking_number: null },
};

describe("reading InPost ShipX webhooks", () => {
  it("reads a status change: the status as sent, the tracking number and ShipX's time with its offset", () => {
    expect(inpostShipx.readWebhook(STATUS_CHANGED)).toEqual({
      ok: true,
      value: { kind: "report", carrierStatus: "delivered", trackingNumber: "602677439331630337653846", occurredAt: new Date("2020-03-20T14:08:42Z") },
    });
  });

  it("takes fields the documentation added over time, and a status change without a tracking number yet", () => {
    expect(inpostShipx.readWebhook(OLDER)).toMatchObject({ ok: true, value: { kind: "report", trackingNumber: null, occurredAt: new Date("2018-07-17T10:57:29Z") } });
  });

  it("reads events that report no status as such, whatever their payload", () => {
    expect(inpostShipx.readWebhook(CONFIRMED)).toEqual({ ok: true, value: { kind: "other", event: "shipment_confirmed" } });
    expect(inpostShipx.readWebhook({ ...CONFIRMED, event: "offers_prepared", payload: { shipment_id: 349, offers: [{ id: 481, status: "unavailable" }] } })).toMatchObject({
      ok: true,
      value: { kind: "other", event: "offers_prepared" },
    });
  });

  it("refuses what is not the documented format, naming the field", () => {
    const fields = (body: unknown) => {
      const read = inpostShipx.readWebhook(body);
      if (read.ok) throw new Error("read a malformed webhook");
      expect(read.error.code).toBe("validation_failed");
      return Object.keys(read.error.fieldErrors ?? {});
    };
    expect(fields([])).toEqual([""]);
    expect(fields({ ...STATUS_CHANGED, event_ts: undefined })).toEqual(["event_ts"]);
    expect(fields({ ...STATUS_CHANGED, event_ts: "yesterday" })).toEqual(["event_ts"]);
    expect(fields({ ...STATUS_CHANGED, payload: "delivered" })).toEqual(["payload"]);
    expect(fields({ ...STATUS_CHANGED, payload: { shipment_id: 49, tracking_number: "1" } })).toEqual(["payload.status"]);
    expect(fields({ ...STATUS_CHANGED, payload: { ...STATUS_CHANGED.payload, status: "<script>" } })).toEqual(["payload.status"]);
  });
});

describe("ShipX times", () => {
  it("are read with their offset, with or without a colon, and ISO 8601 is taken too", () => {
    expect(parseShipxTime("2020-03-20 15:08:42 +0100")).toEqual(new Date("2020-03-20T14:08:42Z"));
    expect(parseShipxTime("2020-03-20 15:08:42 -02:30")).toEqual(new Date("2020-03-20T17:38:42Z"));
    expect(parseShipxTime("2020-03-20T15:08:42+01:00")).toEqual(new Date("2020-03-20T14:08:42Z"));
  });

  it("are refused without an offset or a real date", () => {
    expect(parseShipxTime("2020-03-20 15:08:42")).toBeUndefined();
    expect(parseShipxTime("2020-02-31 15:08:42 +0100")).toBeUndefined();
    expect(parseShipxTime("")).toBeUndefined();
  });
});
