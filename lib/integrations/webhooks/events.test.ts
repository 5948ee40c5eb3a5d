import { describe, expect, it } from "vitest";
import { orderEventType, webhookEventType } from "@/db/schema";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, webhookEventTypeOf } from "./events";

describe("webhook event types", () => {
  it("match the database enum, each with a label", () => {
    expect([...WEBHOOK_EVENT_TYPES]).toEqual(webhookEventType.enumValues);
    for (const type of WEBHOOK_EVENT_TYPES) expect(WEBHOOK_EVENT_LABELS[type]).toBeTruthy();
  });

  it("announce the seven order changes and nothing else", () => {
    const announced = orderEventType.enumValues.map((t) => [t, webhookEventTypeOf(t)]).filter(([, w]) => w);
    expect(Object.fromEntries(announced)).toEqual({
      created: "order.created",
      status_changed: "order.status_changed",
      payment_recorded: "order.payment_recorded",
      tracking_updated: "order.tracking_updated",
      order_edited: "order.updated",
      parcel_event: "order.parcel_event",
      refund_recorded: "order.refund_recorded",
    });
  });
});
