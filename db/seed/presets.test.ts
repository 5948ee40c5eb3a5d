import { describe, expect, it } from "vitest";
import { hasLintErrors, lintWorkflow, reachableFrom } from "@/lib/workflow";
import {
  DEFAULT_STATUS_GROUPS,
  STATUS_PRESETS,
  presetToWorkflowDefinition,
  type PresetStatus,
} from "./presets";
import { AFTER_SALES_PRESETS } from "./after-sales-presets";

const ALL_PRESETS = [...STATUS_PRESETS, ...AFTER_SALES_PRESETS];

const CODE_FORMAT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** WCAG relative luminance and contrast, to keep badge text readable. */
function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe.each(ALL_PRESETS.map((p) => [p.key, p] as const))("preset %s", (_key, preset) => {
  const def = presetToWorkflowDefinition(preset);
  const byCode = new Map(preset.statuses.map((s) => [s.code, s] as const));

  it("passes the workflow lint without errors", () => {
    const issues = lintWorkflow(def);
    expect(hasLintErrors(issues), JSON.stringify(issues, null, 2)).toBe(false);
  });

  it("warns only about closed statuses that deliberately reopen (complaints, returns)", () => {
    const warnings = lintWorkflow(def).filter((i) => i.severity === "warning");
    for (const w of warnings) {
      expect(w.code).toBe("terminal_exit");
      const exits = w.statusIds.slice(1).map((id) => def.statuses.find((s) => s.id === id)?.code);
      expect(exits.every((c) => c === "complaint_pending" || c === "returned")).toBe(true);
    }
  });

  it("reaches every status from the initial one", () => {
    const reachable = reachableFrom(def, def.initialStatusId);
    expect(def.statuses.filter((s) => !reachable.has(s.id)).map((s) => s.code)).toEqual([]);
  });

  it("uses valid, unique codes and only its own statuses in the matrix", () => {
    const codes = preset.statuses.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(CODE_FORMAT);
    expect(byCode.has(preset.initialStatus)).toBe(true);
    for (const [from, to] of preset.transitions) {
      expect(byCode.has(from), from).toBe(true);
      expect(byCode.has(to), to).toBe(true);
      expect(from).not.toBe(to);
    }
  });

  it("names every status in Polish and English, with hidden statuses hidden in both", () => {
    for (const s of preset.statuses) {
      expect(s.name.pl.length).toBeGreaterThan(0);
      expect(s.name.en.length).toBeGreaterThan(0);
      expect(s.description.pl.length).toBeGreaterThan(0);
      expect(s.description.en.length).toBeGreaterThan(0);
      if (s.customerLabel) {
        expect(s.customerLabel.pl.length).toBeGreaterThan(0);
        expect(s.customerLabel.en.length).toBeGreaterThan(0);
      }
    }
  });

  it("picks colours that white text is readable on (WCAG AA, 4.5:1)", () => {
    for (const s of preset.statuses) {
      expect(s.colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastWithWhite(s.colour), `${s.code} ${s.colour}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  // Returns and complaints deal with goods already paid for: they have no gate of their own.
  it.runIf((preset.kind ?? "sale") === "sale")("puts the payment gate where shops do: nothing leaves the warehouse unpaid but cash on delivery", () => {
    const shipped = byCode.get("shipped");
    expect(shipped?.requiresPayment).toBe(true);
    expect(shipped?.allowCashOnDelivery).toBe(true);
    for (const s of preset.statuses) {
      // Asking for money and refusing entry until it is paid would lock orders out.
      if (s.awaitsPayment) expect(s.requiresPayment).toBe(false);
      if (s.allowCashOnDelivery) expect(s.requiresPayment).toBe(true);
    }
    // Every status an order can reach after the first gated one is gated too, except the
    // after-sales ones (complaints, returns, cancellation), which deal with the goods, not money.
    const gated = preset.statuses.filter((s) => s.requiresPayment).map((s) => s.code);
    const afterSales = new Set(["complaint_pending", "complaint_closed", "returned", "cancelled"]);
    for (const from of gated) {
      const id = def.statuses.find((s) => s.code === from)?.id ?? -1;
      for (const reachedId of reachableFrom(def, id)) {
        const reached = def.statuses.find((s) => s.id === reachedId);
        if (!reached || afterSales.has(reached.code)) continue;
        expect(reached.requiresPayment, `${from} -> ${reached.code}`).toBe(true);
      }
    }
  });

  it("maps statuses to Allegro only with Allegro's fulfilment statuses", () => {
    const allegro = new Set([
      "NEW",
      "PROCESSING",
      "READY_FOR_SHIPMENT",
      "READY_FOR_PICKUP",
      "SENT",
      "PICKED_UP",
      "CANCELLED",
      "SUSPENDED",
      "RETURNED",
    ]);
    for (const s of preset.statuses) {
      const code = s.externalCodes.allegro;
      if (code !== undefined) expect(allegro.has(code), `${s.code}: ${code}`).toBe(true);
    }
  });
});

describe("presets together", () => {
  it("define a shared code identically everywhere, so they can share one database", () => {
    const seen = new Map<string, PresetStatus>();
    for (const preset of ALL_PRESETS) {
      for (const s of preset.statuses) {
        const earlier = seen.get(s.code);
        if (earlier) expect(s, s.code).toEqual(earlier);
        else seen.set(s.code, s);
      }
    }
    const shared = ["awaiting_payment", "shipped", "completed", "cancelled", "picking"];
    for (const code of shared) expect(seen.has(code)).toBe(true);
  });

  it("cover the statuses each kind of shop asked for", () => {
    const codes = Object.fromEntries(STATUS_PRESETS.map((p) => [p.key, p.statuses.map((s) => s.code)]));
    expect(codes.retail).toEqual([
      "received",
      "awaiting_payment",
      "in_progress",
      "awaiting_dispatch",
      "shipped",
      "completed",
      "cancelled",
    ]);
    expect(codes.wholesale).toEqual(
      expect.arrayContaining([
        "unconfirmed",
        "confirmed",
        "awaiting_payment",
        "picking",
        "shipped",
        "complaint_pending",
        "complaint_closed",
        "cancelled",
      ]),
    );
    expect(codes.marketplace).toEqual(
      expect.arrayContaining([
        "new",
        "awaiting_payment",
        "picking",
        "packing",
        "courier_inpost",
        "courier_dpd",
        "courier_dhl",
        "courier_poczta_polska",
        "shipped",
        "completed",
        "cancelled",
        "returned",
      ]),
    );
  });

  it("mention the bank account in the awaiting-payment message and the tracking number when shipped", () => {
    const all = STATUS_PRESETS.flatMap((p) => p.statuses);
    const awaiting = all.find((s) => s.code === "awaiting_payment");
    expect(awaiting?.description.pl).toMatch(/numer konta/);
    expect(awaiting?.description.en).toMatch(/bank account/);
    expect(all.find((s) => s.code === "shipped")?.description.en).toMatch(/tracking number/);
  });

  it("ship one default group per kind, keyed by the kind", () => {
    expect(DEFAULT_STATUS_GROUPS.map((g) => g.key)).toEqual(["new", "in_progress", "completed", "not_completed"]);
    for (const g of DEFAULT_STATUS_GROUPS) {
      expect(g.kind).toBe(g.key);
      expect(contrastWithWhite(g.colour)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
