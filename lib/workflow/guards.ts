import type { GuardResult, OrderFacts, WorkflowStatus } from "./types";

const CASH_ON_DELIVERY = "cod";

/**
 * Conditions on entering `target` that depend on the order, not on the matrix. Archived comes
 * first: a retired status is refused whatever the order looks like, and saying "pay first" for a
 * status that can never be entered would send the person the wrong way.
 */
export function checkGuards(
  target: WorkflowStatus,
  order: Pick<OrderFacts, "paid" | "paymentMethod">,
): GuardResult {
  if (target.archived) {
    return {
      ok: false,
      reason: "archived",
      message: `${target.name} is archived and can no longer be chosen`,
    };
  }
  // Cash on delivery is paid at the door, so a shop may let such orders ship while unpaid.
  const codExempt = target.allowCashOnDelivery && order.paymentMethod === CASH_ON_DELIVERY;
  if (target.requiresPayment && !order.paid && !codExempt) {
    return {
      ok: false,
      reason: "payment_required",
      message: `Payment required before ${target.name}`,
    };
  }
  return { ok: true };
}
