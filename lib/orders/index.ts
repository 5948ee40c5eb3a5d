export { SYSTEM_ACTOR, actorSchema, type Actor } from "./actor";
export { createOrder, createOrderInputSchema, type CreateOrderInput } from "./create";
export { recordPayment, recordPaymentInputSchema, type RecordPaymentInput } from "./payments";
export {
  transitionOrder,
  transitionOrders,
  transitionInputSchema,
  type BulkTransitionInput,
  type BulkTransitionReport,
  type TransitionInput,
  type TransitionOutcome,
} from "./transition";
export { setTracking, setTrackingInputSchema, type SetTrackingInput, type SetTrackingOutcome } from "./tracking";
export { transitionOrderByNumber } from "./transition-by-number";
export { loadWorkflowDefinition } from "./workflow-definition";
export { newTrackingToken } from "./tracking-token";
export { ORDER_LIMITS, atMost } from "./limits";
