import { describe, expect, it } from "vitest";
import { parcelEventKind } from "@/db/schema";
import { INPOST_SHIPX_STATUSES, meaningOf } from "./carrier-statuses";
import { PARCEL_EVENT_KINDS } from "./event-data";

describe("the carrier-neutral parcel events", () => {
  it("are the schema's enum, in its order", () => {
    expect([...PARCEL_EVENT_KINDS]).toEqual(parcelEventKind.enumValues);
  });
});

describe("InPost ShipX's status table", () => {
  it("maps the statuses a parcel's journey reports onto the neutral events", () => {
    const events = Object.fromEntries(
      ["confirmed", "taken_by_courier", "adopted_at_sorting_center", "out_for_delivery", "ready_to_pickup", "delivered", "returned_to_sender"].map((s) => [s, meaningOf(INPOST_SHIPX_STATUSES, s)]),
    );
    expect(events).toEqual({
      confirmed: { event: "created", known: true },
      taken_by_courier: { event: "in_transit", known: true },
      adopted_at_sorting_center: { event: "in_transit", known: true },
      out_for_delivery: { event: "out_for_delivery", known: true },
      ready_to_pickup: { event: "ready_for_pickup", known: true },
      delivered: { event: "delivered", known: true },
      returned_to_sender: { event: "returned_to_sender", known: true },
    });
  });

  it("acknowledges without recording the statuses that say nothing a shop acts on", () => {
    for (const status of ["created", "offers_prepared", "offer_selected", "canceled", "pickup_reminder_sent"]) {
      expect(meaningOf(INPOST_SHIPX_STATUSES, status), status).toEqual({ ignored: true });
    }
  });

  it("records a status missing from the table as in transit, marked unknown", () => {
    expect(meaningOf(INPOST_SHIPX_STATUSES, "teleported_to_the_moon")).toEqual({ event: "in_transit", known: false });
    // Only the table's own entries count: an inherited name is as unknown as any other.
    expect(meaningOf(INPOST_SHIPX_STATUSES, "constructor")).toEqual({ event: "in_transit", known: false });
    expect(meaningOf(INPOST_SHIPX_STATUSES, "__proto__")).toEqual({ event: "in_transit", known: false });
  });

  it("says only neutral events (or nothing), and only delivered and returned statuses complete or return an order", () => {
    const values = Object.values(INPOST_SHIPX_STATUSES.statuses);
    expect(values.every((v) => v === null || (PARCEL_EVENT_KINDS as readonly string[]).includes(v))).toBe(true);
    const final = Object.entries(INPOST_SHIPX_STATUSES.statuses).filter(([, v]) => v === "delivered" || v === "returned_to_sender").map(([k]) => k);
    expect(final.sort()).toEqual(["delivered", "return_pickup_confirmation_to_sender", "returned_to_sender"]);
  });
});
