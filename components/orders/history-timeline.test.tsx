import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { OrderHistoryEntry } from "@/db/queries/orders";
import { messages } from "@/lib/i18n/messages";
import type { OrderEditedData } from "@/lib/orders/edit-fields";
import { editLines, type EditWording } from "./edit-lines";
import { HistoryTimeline } from "./history-timeline";

const changes: OrderEditedData["changes"] = {
  total: { before: 5000, after: 8700 },
  "customer.name": { before: "Anna Kowalska", after: "<script>alert(1)</script> Nowak" },
  "customer.phone": { before: "+48600100200", after: null },
  shippingAddress: { before: null, after: { name: "Anna Nowak", street: "Długa 1", postalCode: "00-001", city: "Warszawa", country: "PL" } },
  items: {
    before: [{ sku: "MUG-1", name: "Mug", quantity: 2, unitPrice: 2500, vatRate: 23 }],
    after: [{ sku: "MUG-1", name: "Mug", quantity: 3, unitPrice: 2500, vatRate: 23 }, { sku: "TEA-2", name: "Tea", quantity: 1, unitPrice: 1200, vatRate: 23 }],
  },
};

const entry = (data: unknown, type = "order_edited"): OrderHistoryEntry =>
  ({
    event: {
      id: 41,
      orderId: 1,
      type,
      fromStatusId: null,
      toStatusId: null,
      actorType: "api",
      actorId: "3",
      actorLabel: "ERP",
      comment: null,
      customerVisible: false,
      data,
      createdAt: new Date("2026-05-04T09:12:33Z"),
    },
    from: null,
    to: null,
  }) as unknown as OrderHistoryEntry;

function render(locale: "pl" | "en", data: unknown = { changes }, type?: string) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="Europe/Warsaw">
      <HistoryTimeline entries={[entry(data, type)]} currency="PLN" />
    </NextIntlClientProvider>,
  );
}

/** The text a person reads, tags stripped and entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("an order_edited history entry", () => {
  it("names each changed field with its value before and after, in Polish", () => {
    const html = render("pl");
    const said = text(html);
    expect(said).toContain("Zmieniono zamówienie");
    expect(said).toContain("Klient: Anna Kowalska → <script>alert(1)</script> Nowak");
    expect(said).toContain("Telefon: +48600100200 → (brak)");
    expect(said).toContain("Adres dostawy: (brak) → Anna Nowak, Długa 1, 00-001 Warszawa, PL");
    expect(said).toMatch(/Suma: 50,00\s*zł → 87,00\s*zł/);
    expect(said).toMatch(/Pozycje: 2 × Mug \(MUG-1, 25,00\s*zł\) → 3 × Mug \(MUG-1, 25,00\s*zł\); 1 × Tea \(TEA-2, 12,00\s*zł\)/);
    // Fields in the order the order page shows them, whatever order the database kept.
    expect(said.indexOf("Klient:")).toBeLessThan(said.indexOf("Telefon:"));
    expect(said.indexOf("Pozycje:")).toBeLessThan(said.indexOf("Suma:"));
    // A value is text, never markup.
    expect(html).not.toContain("<script>");
  });

  it("and in English", () => {
    const said = text(render("en"));
    expect(said).toContain("Order edited");
    expect(said).toContain("Customer: Anna Kowalska → <script>alert(1)</script> Nowak");
    expect(said).toContain("Phone: +48600100200 → (none)");
    expect(said).toContain("Shipping address: (none) → Anna Nowak, Długa 1, 00-001 Warszawa, PL");
    expect(said).toMatch(/Total: PLN\s*50\.00 → PLN\s*87\.00/);
    expect(said).not.toContain("Other event");
  });

  it("survives data it does not understand", () => {
    expect(text(render("en", null))).toContain("Order edited");
    expect(text(render("pl", { changes: { colour: { before: 1, after: 2 } } }))).toContain("Zmieniono zamówienie");
  });
});

describe("a parcel_event history entry", () => {
  const parcel = { event: "delivered", carrier: "inpost", carrierStatus: "delivered", trackingNumber: "602677439331630337653846", occurredAt: "2026-03-20T14:08:42.000Z" };

  it("says the neutral event, the carrier, its own status and its time, in Polish and English", () => {
    const pl = text(render("pl", parcel, "parcel_event"));
    expect(pl).toContain("Przesyłka doręczona · InPost");
    expect(pl).toContain("status przewoźnika: delivered");
    expect(pl).toMatch(/czas u przewoźnika: 20 mar 2026, 15:08/);
    const en = text(render("en", parcel, "parcel_event"));
    expect(en).toContain("Parcel delivered · InPost");
    expect(en).toContain("carrier's status: delivered");
    expect(en).toMatch(/carrier’s time: 20 Mar 2026, 15:08/);
    expect(en).not.toContain("Other event");
  });

  it("marks a status the carrier's table does not know", () => {
    const said = text(render("en", { ...parcel, event: "in_transit", carrierStatus: "parcel_on_a_drone", unknownStatus: true }, "parcel_event"));
    expect(said).toContain("Parcel in transit · InPost");
    expect(said).toContain("a status missing from the carrier’s table, recorded as “Parcel in transit”");
  });

  it("falls back to a plain line for data it does not understand", () => {
    expect(text(render("en", { event: "teleported" }, "parcel_event"))).toContain("Other event");
  });
});

describe("editLines", () => {
  const wording = (locale: "pl" | "en"): EditWording => ({
    money: (minor) => `${(minor / 100).toFixed(2)} ${locale === "pl" ? "zł" : "PLN"}`,
    empty: "-",
    paid: "paid",
    unpaid: "unpaid",
    moreItems: (count) => `+${count}`,
  });

  it("shortens a long list of items to its first five and how many more", () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ sku: `S${i}`, name: `Item ${i}`, quantity: 1, unitPrice: 100, vatRate: 23 }));
    const [line] = editLines({ changes: { items: { before: items.slice(0, 1), after: items } } }, wording("en"));
    expect(line?.after).toContain("Item 4");
    expect(line?.after).not.toContain("Item 5");
    expect(line?.after.endsWith("+3")).toBe(true);
  });

  it("words the paid state", () => {
    expect(editLines({ changes: { paid: { before: true, after: false } } }, wording("pl"))).toEqual([{ field: "paid", before: "paid", after: "unpaid" }]);
  });
});
