import { describe, expect, it } from "vitest";
import { checkGuards } from "./guards";
import { makeStatus } from "./test-fixtures";

const picking = makeStatus({
  id: 3,
  code: "picking",
  name: "Picking",
  groupKind: "in_progress",
  requiresPayment: true,
});

describe("checkGuards", () => {
  it("lets anything into a status without a payment gate", () => {
    const shipped = makeStatus({ id: 4, code: "shipped", name: "Shipped", groupKind: "in_progress" });
    expect(checkGuards(shipped, { paid: false, paymentMethod: "card" })).toEqual({ ok: true });
  });

  it("refuses an unpaid order at a payment gate, naming the status", () => {
    expect(checkGuards(picking, { paid: false, paymentMethod: "card" })).toEqual({
      ok: false,
      reason: "payment_required",
      message: "Payment required before Picking",
    });
  });

  it("lets a paid order through the gate", () => {
    expect(checkGuards(picking, { paid: true, paymentMethod: "card" })).toEqual({ ok: true });
  });

  it("keeps cash on delivery out when the status does not allow it", () => {
    expect(checkGuards(picking, { paid: false, paymentMethod: "cod" })).toMatchObject({
      ok: false,
      reason: "payment_required",
    });
  });

  it("lets unpaid cash-on-delivery orders in when the status allows it", () => {
    const codPicking = { ...picking, allowCashOnDelivery: true };
    expect(checkGuards(codPicking, { paid: false, paymentMethod: "cod" })).toEqual({ ok: true });
  });

  it("does not extend the cash-on-delivery exemption to other methods", () => {
    const codPicking = { ...picking, allowCashOnDelivery: true };
    expect(checkGuards(codPicking, { paid: false, paymentMethod: "transfer" })).toMatchObject({
      ok: false,
      reason: "payment_required",
    });
  });

  it("refuses an archived status, even for a paid order", () => {
    const archived = { ...picking, archived: true };
    expect(checkGuards(archived, { paid: true, paymentMethod: "card" })).toEqual({
      ok: false,
      reason: "archived",
      message: "Picking is archived and can no longer be chosen",
    });
  });

  it("reports archived before payment, since paying would not help", () => {
    const archived = { ...picking, archived: true };
    expect(checkGuards(archived, { paid: false, paymentMethod: "card" })).toMatchObject({ reason: "archived" });
  });
});
