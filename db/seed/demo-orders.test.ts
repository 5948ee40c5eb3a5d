import { describe, expect, it } from "vitest";
import { checkGuards } from "@/lib/workflow";
import { COURIERS } from "./demo-data";
import { generateDemoOrder, type DemoContext, type DemoOrder, type DemoOrderType } from "./demo-orders";
import { presetToWorkflowDefinition, retailPreset, wholesalePreset, type StatusPreset } from "./presets";
import { Random } from "./random";
import { historyProblems } from "./test-history";

const NOW = Date.UTC(2025, 5, 30, 12);
const DAY = 86_400_000;

function orderType(id: number, preset: StatusPreset): DemoOrderType {
  const def = presetToWorkflowDefinition(preset);
  const dwell = new Map(
    preset.statuses.map((s, i) => [i + 1, s.slaHours === null ? 24 : s.slaHours * 0.3] as const),
  );
  return { id, code: preset.key, wholesale: preset.key === "wholesale", def, meanDwellHours: dwell };
}

const ctx: DemoContext = {
  retail: orderType(1, retailPreset),
  wholesale: orderType(2, wholesalePreset),
  staff: [
    { type: "user", id: "1", label: "Ada Admin" },
    { type: "user", id: "2", label: "Stan Staff" },
  ],
  system: { type: "system", id: null, label: "System" },
  now: NOW,
};

function generate(index: number, seed = 7): DemoOrder {
  const rng = Random.forIndex(seed, index);
  const createdAt = NOW - 60 * DAY + Math.floor(rng.next() * 60 * DAY);
  return generateDemoOrder({ rng, ctx, createdAt, trackingToken: `token-${index}` });
}

const sample = Array.from({ length: 3000 }, (_, i) => generate(i));
const typeOf = (o: DemoOrder) => (o.orderTypeId === ctx.retail.id ? ctx.retail : ctx.wholesale);

describe("generateDemoOrder", () => {
  it("gives every order a history the workflow engine approves step by step", () => {
    const problems = sample.flatMap((o) =>
      historyProblems(typeOf(o).def, o, o.events.map((e) => ({ ...e }))),
    );
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("never leaves an unpaid order in a payment-gated status (cash on delivery aside)", () => {
    for (const o of sample) {
      const status = typeOf(o).def.statuses.find((s) => s.id === o.statusId);
      expect(status).toBeDefined();
      if (status) expect(checkGuards(status, { paid: o.paidAt !== null, paymentMethod: o.paymentMethod }).ok).toBe(true);
    }
  });

  it("dates every event between the order's creation and now", () => {
    const outside = sample.flatMap((o) => o.events.filter((e) => e.at < o.createdAt || e.at >= NOW));
    expect(outside).toEqual([]);
  });

  it("adds up totals from the items and pays exactly the total", () => {
    for (const o of sample) {
      expect(o.items.length).toBeGreaterThan(0);
      expect(o.total).toBe(o.items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0));
      expect(o.paidAmount === 0 || o.paidAmount === o.total).toBe(true);
    }
  });

  it("gives shipped orders a courier and a tracking number, recorded before the shipment", () => {
    const shippedId = (o: DemoOrder) => typeOf(o).def.statuses.find((s) => s.code === "shipped")?.id;
    const shipped = sample.filter((o) => o.events.some((e) => e.toStatusId === shippedId(o) && e.type === "status_changed"));
    expect(shipped.length).toBeGreaterThan(100);
    for (const o of shipped) {
      expect(COURIERS).toContain(o.courier);
      expect(o.trackingNumber).toMatch(/^[0-9A-Z]{10,30}$/);
      const tracking = o.events.findIndex((e) => e.type === "tracking_updated");
      const shipping = o.events.findIndex((e) => e.type === "status_changed" && e.toStatusId === shippedId(o));
      expect(tracking).toBeGreaterThan(-1);
      expect(tracking).toBeLessThan(shipping);
    }
    for (const o of sample.filter((x) => !shipped.includes(x))) expect(o.trackingNumber).toBeNull();
  });

  it("is reproducible: the same seed and index give the same order", () => {
    const strip = (o: DemoOrder) => ({ ...o, trackingToken: "" });
    expect(strip(generate(42))).toEqual(strip(generate(42)));
    expect(strip(generate(42, 8))).not.toEqual(strip(generate(42)));
  });

  it("spreads orders over types, channels, payment methods, couriers and locales", () => {
    const count = (f: (o: DemoOrder) => string | null) => {
      const m = new Map<string | null, number>();
      for (const o of sample) m.set(f(o), (m.get(f(o)) ?? 0) + 1);
      return m;
    };
    expect([...count((o) => String(o.orderTypeId)).keys()].sort()).toEqual(["1", "2"]);
    expect([...count((o) => o.channel).keys()].sort()).toEqual(["allegro", "b2b", "phone", "shop"]);
    expect([...count((o) => o.paymentMethod).keys()].sort()).toEqual(["card", "cod", "transfer"]);
    expect([...count((o) => o.courier).keys()].filter(Boolean).sort()).toEqual([...COURIERS].sort());
    expect(count((o) => o.channel === "b2b" ? String(o.orderTypeId) : "-").get("1")).toBeUndefined();
    const locales = count((o) => o.locale);
    expect(locales.get("pl") ?? 0).toBeGreaterThan((locales.get("en") ?? 0) * 4);
    expect(locales.get("en") ?? 0).toBeGreaterThan(0);
  });

  it("ends most old orders closed and leaves recent ones in progress", () => {
    const kindOf = (o: DemoOrder) => typeOf(o).def.statuses.find((s) => s.id === o.statusId)?.groupKind;
    const old = sample.filter((o) => o.createdAt < NOW - 30 * DAY);
    const closed = old.filter((o) => kindOf(o) === "completed" || kindOf(o) === "not_completed");
    expect(closed.length / old.length).toBeGreaterThan(0.85);
    const cancelled = sample.filter((o) => kindOf(o) === "not_completed");
    expect(cancelled.length / sample.length).toBeLessThan(0.2);
    const recent = sample.filter((o) => o.createdAt > NOW - 2 * DAY);
    expect(recent.some((o) => kindOf(o) === "new" || kindOf(o) === "in_progress")).toBe(true);
  });
});
