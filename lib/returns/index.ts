// Returns and complaints (ADR 0161): orders of their own, linked to the sale they concern.
export { createReturn, createReturnInputSchema, heldItems, type CreateReturnInput, type ReturnRefusalReason } from "./create-return";
export { afterSalesEligibility, COMPLAINT_WINDOW_DAYS, type AfterSalesKind, type Eligibility, type IneligibleReason } from "./eligibility";
export { returnableLines, type ReturnableLine } from "./quantities";
export { DESCRIPTION_MAX, RETURN_REASONS, type ReturnReason } from "./reasons";
export { recordRefund, recordRefundInputSchema, refundedSoFar, REFUND_METHODS, type RecordRefundInput, type RefundData } from "./refund";
