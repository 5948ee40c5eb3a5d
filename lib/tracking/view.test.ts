import { describe, expect, it } from "vitest";
import { ITEMS_SHOWN } from "@/lib/orders/page-bounds";
import { buildTrackingView, type CustomerStatus, type TrackingInput } from "./view";

const s = (label: string | null, groupKind: CustomerStatus["groupKind"] = "in_progress", awaitsPayment = false): CustomerStatus => ({
  label,
  groupKind,
  awaitsPayment,
});
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));

function input(over: Partial<TrackingInput> = {}): TrackingInput {
  return {
    locale: "pl",
    order: {
      number: "ORD-1",
      createdAt: at(0),
      customerName: "Anna Maria Kowalska",
      currency: "PLN",
      total: 10000,
      paidAmount: 0,
      paid: false,
      paymentMethod: "transfer",
      courier: "inpost",
      trackingNumber: null,
      items: [{ name: "Kubek", quantity: 2, unitPrice: 5000 }],
      itemCount: 1,
    },
    current: s("Wysłane"),
    events: [],
    shop: { bankAccount: "PL00 1234", courierTrackingLinks: { inpost: "https://inpost.pl/s?n={trackingNumber}" } },
    ...over,
  };
}

describe("buildTrackingView", () => {
  it("never shows a hidden status: the timeline skips it and the current label falls back", () => {
    const view = buildTrackingView(
      input({
        current: s(null),
        events: [
          { at: at(0), type: "created", to: s("Przyjęte", "new"), comment: null, customerVisible: false },
          { at: at(1), type: "status_changed", to: s("W realizacji"), comment: null, customerVisible: false },
          { at: at(2), type: "status_changed", to: s(null), comment: "internal note", customerVisible: false },
        ],
      }),
    );
    expect(view.statusLabel).toBe("W realizacji");
    expect(view.timeline.map((t) => t.label)).toEqual(["W realizacji", "Przyjęte"]);
    expect(JSON.stringify(view)).not.toContain("internal note");
  });

  it("shows public comments only", () => {
    const view = buildTrackingView(
      input({
        events: [
          { at: at(1), type: "status_changed", to: s("Wysłane"), comment: "Paczka w drodze", customerVisible: true },
          { at: at(2), type: "status_changed", to: s("Wysłane"), comment: "staff only", customerVisible: false },
        ],
      }),
    );
    expect(view.timeline.map((t) => t.comment)).toEqual([null, "Paczka w drodze"]);
  });

  it("shows a note (a comment event) only when it was written for the customer", () => {
    const view = buildTrackingView(
      input({
        events: [
          { at: at(1), type: "status_changed", to: s("Wysłane"), comment: null, customerVisible: false },
          { at: at(2), type: "comment", to: null, comment: "Dosyłamy drugi kubek", customerVisible: true },
          { at: at(3), type: "comment", to: null, comment: "klient dzwonił trzy razy", customerVisible: false },
          { at: at(4), type: "comment", to: null, comment: "", customerVisible: true },
        ],
      }),
    );
    expect(view.timeline).toEqual([
      { at: at(2), label: null, comment: "Dosyłamy drugi kubek" },
      { at: at(1), label: "Wysłane", comment: null },
    ]);
    expect(JSON.stringify(view)).not.toContain("trzy razy");
  });

  it("carries the first name only, never the email, phone or address", () => {
    const view = buildTrackingView(input());
    expect(view.firstName).toBe("Anna");
    expect(JSON.stringify(view)).not.toMatch(/Kowalska|Maria/);
  });

  it("asks for a transfer with the bank account while the status awaits payment", () => {
    expect(buildTrackingView(input({ current: s("Oczekuje na wpłatę", "new", true) })).payment).toEqual({
      paid: false,
      amountDue: 10000,
      bankAccount: "PL00 1234",
      transferTitle: "ORD-1",
    });
    expect(buildTrackingView(input({ current: s("W realizacji") })).payment).toBeNull();
  });

  it("links to the courier's page for the parcel", () => {
    const view = buildTrackingView(input({ order: { ...input().order, trackingNumber: "62 001" } }));
    expect(view.shipment).toEqual({ courier: "inpost", trackingNumber: "62 001", link: "https://inpost.pl/s?n=62%20001" });
  });

  it("lists the first items of those read and counts every item the order holds", () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ name: `P${i}`, quantity: 1, unitPrice: 100 }));
    const view = buildTrackingView(input({ order: { ...input().order, items, itemCount: 20_000, total: 2_000_000 } }));
    expect(view.items.map((i) => i.name)).toEqual(items.slice(0, ITEMS_SHOWN).map((i) => i.name));
    expect(view.moreItems).toBe(20_000 - ITEMS_SHOWN);
    expect(view.total).toBe(2_000_000);
  });

  it("shows a hidden current status as the last one the customer saw, even when no event on the page has it", () => {
    const view = buildTrackingView(
      input({
        current: s(null),
        lastSeenLabel: "Wysłane",
        events: [{ at: at(5), type: "status_changed", to: s("W realizacji"), comment: null, customerVisible: false }],
        timelinePage: { page: 7, pageCount: 9 },
      }),
    );
    expect(view.statusLabel).toBe("Wysłane");
    expect(view.timelinePage).toEqual({ page: 7, pageCount: 9 });
  });

  it("shows a carrier's report as its neutral event and carrier at the carrier's time, never the tracking number or the carrier's own word", () => {
    const data = { event: "ready_for_pickup", carrier: "inpost", carrierStatus: "ready_to_pickup_from_pok_registered", trackingNumber: "602677439331630337653846", occurredAt: at(3).toISOString() };
    const view = buildTrackingView(
      input({
        events: [
          { at: at(1), type: "status_changed", to: s("Wysłane"), comment: null, customerVisible: false },
          { at: at(9), type: "parcel_event", to: null, comment: null, customerVisible: true, data },
          // A row whose data is not a parcel event's shows nothing rather than something wrong.
          { at: at(10), type: "parcel_event", to: null, comment: null, customerVisible: true, data: { event: "teleported" } },
        ],
      }),
    );
    expect(view.timeline).toEqual([
      { at: at(3), label: null, comment: null, parcel: { event: "ready_for_pickup", carrier: "inpost" } },
      { at: at(1), label: "Wysłane", comment: null },
    ]);
    expect(JSON.stringify(view.timeline)).not.toContain("602677439331630337653846");
    expect(JSON.stringify(view)).not.toContain("ready_to_pickup_from_pok_registered");
  });
});
