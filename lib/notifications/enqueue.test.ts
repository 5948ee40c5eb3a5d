import { describe, expect, it } from "vitest";
import type { Order, Status } from "@/db/schema";
import { recipientsFor } from "./enqueue";

const status = (over: Partial<Status>) =>
  ({
    notifyCustomerEmail: true,
    notifyCustomerSms: true,
    notifyAdminEmail: true,
    adminEmails: ["ops@example.com"],
    notifyChannels: [],
    ...over,
  }) as Status;
const order = (over: Partial<Order>) => ({ channel: "shop", customerEmail: "a@example.com", customerPhone: "+48600", ...over }) as Order;

describe("recipientsFor", () => {
  it("follows the status's switches", () => {
    expect(recipientsFor(status({}), order({})).map((r) => `${r.kind}:${r.audience}:${r.address}`)).toEqual([
      "email:customer:a@example.com",
      "sms:customer:+48600",
      "email:admin:ops@example.com",
    ]);
    expect(recipientsFor(status({ notifyCustomerSms: false, notifyAdminEmail: false }), order({}))).toHaveLength(1);
  });

  it("sends only to orders from the status's sales channels, when it names any", () => {
    const onlyShop = status({ notifyChannels: ["shop"] });
    expect(recipientsFor(onlyShop, order({ channel: "allegro" }))).toEqual([]);
    expect(recipientsFor(onlyShop, order({ channel: "shop" }))).toHaveLength(3);
  });

  it("lets a change switch customer email or SMS off, but not the admin alert", () => {
    const kinds = recipientsFor(status({}), order({}), { email: false, sms: false }).map((r) => r.audience);
    expect(kinds).toEqual(["admin"]);
  });

  it("skips a customer channel the order has no address for", () => {
    expect(recipientsFor(status({ notifyAdminEmail: false }), order({ customerPhone: null })).map((r) => r.kind)).toEqual(["email"]);
  });
});
