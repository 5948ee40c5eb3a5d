import { describe, expect, it } from "vitest";
import type { Order, Settings, Status } from "@/db/schema";
import { customerTranslator } from "@/lib/i18n";
import { ITEMS_SHOWN } from "@/lib/orders/page-bounds";
import { VARIABLES } from "./catalogue";
import { snapshotVariables } from "./variables";

const order = {
  id: 1,
  number: "ORD-1",
  customerName: "Anna Maria Kowalska",
  locale: "pl",
  currency: "PLN",
  total: 24990,
  paidAmount: 4990,
  paymentMethod: "transfer",
  courier: "inpost",
  trackingNumber: "62 00/1",
  trackingToken: "tok",
  items: [{ sku: "A", name: "Kubek", quantity: 2, unitPrice: 100, vatRate: 23 }],
  createdAt: new Date("2026-11-28T13:05:00Z"),
} as unknown as Order;
const status = { customerLabel: "Shipped", translations: { pl: { customerLabel: "Wysłane" } } } as unknown as Status;
const settings = {
  shopName: "Sklep",
  appUrl: "https://shop.example.com/",
  bankAccount: "PL00 1111",
  supportEmail: null,
  supportPhone: null,
  courierTrackingLinks: { inpost: "https://inpost.pl/s?n={trackingNumber}" },
} as unknown as Settings;

describe("snapshotVariables", () => {
  const values = snapshotVariables({ order, status, settings, comment: "Hej" });

  it("fills exactly the catalogue's variables", () => {
    expect(Object.keys(values).sort()).toEqual(VARIABLES.map((v) => v.name).sort());
  });

  it("speaks the order's language and never says undefined", () => {
    expect(values).toMatchObject({
      customerFirstName: "Anna",
      statusLabel: "Wysłane",
      orderDate: "28.11.2026, 14:05",
      items: "2 × Kubek",
      trackingLink: "https://inpost.pl/s?n=62%2000%2F1",
      trackingPageUrl: "https://shop.example.com/track/tok",
      shopEmail: "",
    });
    expect(values.amountDue.replace(/\s/g, " ")).toBe("200,00 zł");
    expect(Object.values(values).join("|")).not.toContain("undefined");
  });

  it("lists the first items of a huge order and counts the rest, in the order's language", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ sku: `S${i}`, name: `Item ${i + 1} `.padEnd(300, "x"), quantity: 1, unitPrice: 1, vatRate: 23 }));
    for (const locale of ["pl", "en"] as const) {
      const lines = snapshotVariables({ order: { ...order, locale, items }, status, settings }).items.split("\n");
      expect(lines).toHaveLength(ITEMS_SHOWN + 1);
      expect(lines[ITEMS_SHOWN - 1]).toBe(`1 × ${items[ITEMS_SHOWN - 1]!.name}`);
      expect(lines[ITEMS_SHOWN]).toBe(customerTranslator(locale)("moreItems", { count: 20_000 - ITEMS_SHOWN }));
    }
  });
});
