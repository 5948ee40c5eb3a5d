export { SYSTEM_ACTOR, actorSchema, type Actor } from "./actor";
export { createOrder, createOrderInputSchema, type AfterSalesLink, type CreateOrderInput } from "./create";
export { recordPayment, recordPaymentInputSchema, type RecordPaymentInput } from "./payments";
export {
  transitionOrder,
  transitionInputFields,
  transitionInputSchema,
  type TransitionInput,
  type TransitionOutcome,
} from "./transition";
export { transitionOrders, type BulkTransitionInput, type BulkTransitionReport } from "./bulk-transition";
export { editOrder, editOrderInputSchema, type EditOrderInput } from "./edit";
export { EDITABLE_FIELDS, type EditedField, type OrderEditedData } from "./edit-fields";
export { setTracking, setTrackingInputSchema, type SetTrackingInput, type SetTrackingOutcome } from "./tracking";
export { transitionOrderByNumber } from "./transition-by-number";
export { loadWorkflowDefinition } from "./workflow-definition";
export { newTrackingToken } from "./tracking-token";
export { ORDER_LIMITS, atMost } from "./limits";
