import type { OrderTypeKind, StatusGroupKind } from "@/db/schema";

/** The kinds of after-sales request a customer starts (ADR 0161). */
export type AfterSalesKind = Exclude<OrderTypeKind, "sale">;

/**
 * A complaint's window: the two years of the statutory warranty (rękojmia), counted like the
 * return window from the day the order was completed. Not a setting: the law fixes it.
 */
export const COMPLAINT_WINDOW_DAYS = 730;

const DAY_MS = 24 * 60 * 60 * 1000;

export type EligibilityInput = {
  /** The kind of the order's own type: only sales are returned or complained about. */
  orderKind: OrderTypeKind;
  /** The group kind of the order's current status. */
  statusKind: StatusGroupKind;
  /** When the order entered its current status: for a completed order, when it was completed. */
  statusChangedAt: Date;
  /** The shop's return window (`settings.return_window_days`). */
  returnWindowDays: number;
  now: Date;
};

export type IneligibleReason = "not_a_sale" | "not_completed" | "window_closed";

export type Eligibility = { eligible: true; closesAt: Date } | { eligible: false; reason: IneligibleReason; closesAt: Date | null };

/**
 * Whether a customer may start a return or complaint of an order now: a sale in a completed
 * status (delivered, completed), within the window counted from the moment it got there.
 */
export function afterSalesEligibility(kind: AfterSalesKind, input: EligibilityInput): Eligibility {
  if (input.orderKind !== "sale") return { eligible: false, reason: "not_a_sale", closesAt: null };
  if (input.statusKind !== "completed") return { eligible: false, reason: "not_completed", closesAt: null };
  const days = kind === "return" ? input.returnWindowDays : COMPLAINT_WINDOW_DAYS;
  const closesAt = new Date(input.statusChangedAt.getTime() + days * DAY_MS);
  return input.now.getTime() <= closesAt.getTime() ? { eligible: true, closesAt } : { eligible: false, reason: "window_closed", closesAt };
}
