import type { ApiRoute } from "./route";
import { bulkTransitionRoute } from "./routes/bulk-transitions";
import { listOrderTypes, listStatuses } from "./routes/catalogue";
import { listAllEventsRoute } from "./routes/events";
import { listEventsRoute, parcelEventRoute, paymentRoute, transitionRoute } from "./routes/order-actions";
import { createOrderRoute, getOrderRoute, listOrdersRoute, patchOrderRoute } from "./routes/orders";
import { getWorkflowRoute, putWorkflowRoute } from "./routes/workflow";
import {
  createWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  getWebhookEndpointRoute,
  listWebhookDeliveriesRoute,
  listWebhookEndpointsRoute,
  patchWebhookEndpointRoute,
  resendWebhookDeliveryRoute,
  rotateWebhookSecretRoute,
} from "./routes/webhook-endpoints";

/** Every endpoint of /api/v1. The dispatcher serves exactly these; the OpenAPI document lists exactly these. */
export const API_ROUTES: readonly ApiRoute[] = [
  listStatuses,
  listOrderTypes,
  createOrderRoute,
  listOrdersRoute,
  getOrderRoute,
  patchOrderRoute,
  transitionRoute,
  paymentRoute,
  parcelEventRoute,
  listEventsRoute,
  listAllEventsRoute,
  getWorkflowRoute,
  putWorkflowRoute,
  bulkTransitionRoute,
  listWebhookEndpointsRoute,
  createWebhookEndpointRoute,
  getWebhookEndpointRoute,
  patchWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  rotateWebhookSecretRoute,
  listWebhookDeliveriesRoute,
  resendWebhookDeliveryRoute,
];
