import { describe, expect, it } from "vitest";
import { describeTargets, evaluateTransition } from "./evaluate";
import {
  AWAITING_PAYMENT,
  CANCELLED,
  COMPLETED,
  NEW,
  OLD_PACKING,
  PICKING,
  SHIPPED,
  retailWith,
  retailWorkflow,
} from "./test-fixtures";
import type { OrderFacts } from "./types";

const unpaidCard = (statusId: number): OrderFacts => ({ statusId, paid: false, paymentMethod: "card" });
const paidCard = (statusId: number): OrderFacts => ({ statusId, paid: true, paymentMethod: "card" });

describe("evaluateTransition", () => {
  it("allows a pair in the matrix and returns the target", () => {
    const verdict = evaluateTransition(retailWorkflow(), unpaidCard(NEW), AWAITING_PAYMENT);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.target.code).toBe("awaiting_payment");
  });

  it("refuses a status the person's role may not use after the matrix and before the order's own facts", () => {
    const role = { builtIn: null, name: "Magazyn" };
    const limited = { ...retailWorkflow(), rights: { role, mayEnter: [PICKING] } };
    // In the matrix, but not among the role's statuses: the role's refusal, whatever the order's payment.
    expect(evaluateTransition(limited, paidCard(NEW), AWAITING_PAYMENT)).toEqual({
      ok: false,
      code: "status_not_permitted",
      role,
      message: "The role Magazyn may not move orders into Awaiting payment",
    });
    // Outside the matrix: nobody may, so that is the reason given.
    expect(evaluateTransition(limited, paidCard(SHIPPED), AWAITING_PAYMENT)).toMatchObject({ code: "transition_not_allowed" });
    // Among the role's statuses: the order's facts still count.
    expect(evaluateTransition(limited, unpaidCard(NEW), PICKING)).toMatchObject({ code: "guard_failed", reason: "payment_required" });
    expect(evaluateTransition(limited, paidCard(NEW), PICKING).ok).toBe(true);
  });

  it("refuses an unknown target as not_found", () => {
    expect(evaluateTransition(retailWorkflow(), paidCard(NEW), 99)).toEqual({
      ok: false,
      code: "not_found",
      message: "Status #99 does not exist",
    });
  });

  it("refuses a pair outside the matrix and lists where the order can go", () => {
    expect(evaluateTransition(retailWorkflow(), paidCard(SHIPPED), AWAITING_PAYMENT)).toEqual({
      ok: false,
      code: "transition_not_allowed",
      message: "Cannot change from Shipped to Awaiting payment",
      allowed: [{ id: COMPLETED, code: "completed", name: "Completed" }],
    });
  });

  it("refuses staying in the same status even when the matrix lists it", () => {
    const def = retailWith({ from: SHIPPED, to: SHIPPED });
    expect(evaluateTransition(def, paidCard(SHIPPED), SHIPPED)).toEqual({
      ok: false,
      code: "transition_not_allowed",
      message: "The order is already in Shipped",
      allowed: [{ id: COMPLETED, code: "completed", name: "Completed" }],
    });
  });

  it("still explains itself when the order's current status is gone", () => {
    const verdict = evaluateTransition(retailWorkflow(), paidCard(42), SHIPPED);
    expect(verdict).toEqual({
      ok: false,
      code: "transition_not_allowed",
      message: "Cannot change from status #42 to Shipped",
      allowed: [],
    });
  });

  it("checks the matrix before the payment gate", () => {
    // Shipped → Picking is not in the matrix; the person must hear that, not "pay first".
    const verdict = evaluateTransition(retailWorkflow(), unpaidCard(SHIPPED), PICKING);
    expect(verdict).toMatchObject({ ok: false, code: "transition_not_allowed" });
  });

  it("refuses an archived target that the matrix still lists", () => {
    const def = retailWith({ from: PICKING, to: OLD_PACKING });
    expect(evaluateTransition(def, paidCard(PICKING), OLD_PACKING)).toEqual({
      ok: false,
      code: "guard_failed",
      reason: "archived",
      message: "Packing (old) is archived and can no longer be chosen",
    });
  });

  it("refuses an unpaid order at the payment gate", () => {
    expect(evaluateTransition(retailWorkflow(), unpaidCard(NEW), PICKING)).toEqual({
      ok: false,
      code: "guard_failed",
      reason: "payment_required",
      message: "Payment required before Picking",
    });
  });

  it("lets a paid order through the payment gate", () => {
    expect(evaluateTransition(retailWorkflow(), paidCard(AWAITING_PAYMENT), PICKING).ok).toBe(true);
  });

  it("lets an unpaid cash-on-delivery order through a gate that allows it", () => {
    const order: OrderFacts = { statusId: NEW, paid: false, paymentMethod: "cod" };
    expect(evaluateTransition(retailWorkflow(), order, PICKING).ok).toBe(true);
  });
});

describe("describeTargets", () => {
  it("lists every selectable status except the current one, in status order", () => {
    const described = describeTargets(retailWorkflow(), unpaidCard(NEW));
    expect(described.map((d) => d.status.id)).toEqual([AWAITING_PAYMENT, PICKING, SHIPPED, COMPLETED, CANCELLED]);
  });

  it("gives each option the engine's verdict, with reasons for the refused ones", () => {
    const described = describeTargets(retailWorkflow(), unpaidCard(NEW));
    const byCode = Object.fromEntries(described.map((d) => [d.status.code, d.verdict]));
    expect(byCode.awaiting_payment?.ok).toBe(true);
    expect(byCode.picking).toMatchObject({ ok: false, reason: "payment_required" });
    expect(byCode.shipped).toMatchObject({
      ok: false,
      code: "transition_not_allowed",
      message: "Cannot change from New to Shipped",
    });
    expect(byCode.cancelled?.ok).toBe(true);
  });

  it("never offers archived statuses", () => {
    const def = retailWith({ from: PICKING, to: OLD_PACKING });
    const described = describeTargets(def, paidCard(PICKING));
    expect(described.some((d) => d.status.id === OLD_PACKING)).toBe(false);
  });
});
