export { enqueueWebhooksForEvent } from "./enqueue";
export { sendWebhookRow, type WebhookDeliveryOptions } from "./deliver";
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
  webhookEndpointInputSchema,
  type WebhookEndpointInput,
} from "./endpoints";
export { attemptsByDelivery, resendWebhookDelivery, sendTestWebhook } from "./deliveries";
export { SEQUENCED_ORDER_EVENT_TYPES, TEST_EVENT_TYPE, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, webhookEventTypeOf } from "./events";
export type { WebhookPayload } from "./payload";
