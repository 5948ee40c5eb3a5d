import { z } from "zod";
import { createOrderInputSchema, recordPaymentInputSchema, setTrackingInputSchema, transitionInputSchema } from "@/lib/orders";
import { API_KEY_SCOPES } from "@/lib/integrations/api-keys";

/**
 * The API's request and response shapes. Request bodies reuse the services' own zod schemas
 * (one copy of every rule); top-level objects are strict so a misspelt field ("expectedVerison")
 * is refused instead of silently ignored. Response schemas feed the OpenAPI document, and the
 * endpoint tests parse real responses with them, so the docs cannot drift from the answers.
 */

const statusCode = z.string().min(1).max(64).describe("A status's `code`, the ID an ERP maps its own statuses to");
const timestamp = z.string().describe("ISO 8601 date and time, UTC");
const minorUnits = z.number().int().describe("Money in integer minor units (grosze, cents)");

// ---- path and query parameters -------------------------------------------------------------

export const groupKindSchema = z.enum(["new", "in_progress", "completed", "not_completed"]);

export const orderNumberParams = z.object({
  number: z.string().min(1).max(64).describe("The order's number, e.g. ORD-10001"),
});

/** The orders list's orderings: a field, descending with a leading `-` (ADR 0142). */
export const ORDER_LIST_SORTS = ["created", "-created", "updated", "-updated"] as const;
export const PAYMENT_STATES = ["unpaid", "partially_paid", "paid"] as const;
/** At most this many values in one list parameter (after splitting at commas). */
export const MAX_LIST_VALUES = 100;

/**
 * A list parameter, repeated (`status=a&status=b`), comma-separated (`status=a,b`) or both: the
 * dispatcher hands every value of an array field; the handler splits them at commas.
 */
const listParam = (description: string) =>
  z
    .array(z.string().min(1, "Leave out an empty value").max(2_000, "This value is too long"))
    .max(MAX_LIST_VALUES, `At most ${MAX_LIST_VALUES} values`)
    .optional()
    .describe(`${description}. Repeat the parameter or separate values with commas; at most ${MAX_LIST_VALUES}`);

const since = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z" });

export const listOrdersQuery = z.strictObject({
  status: listParam("Only orders in one of these statuses (codes)"),
  group: listParam(`Only orders whose status is in a group of one of these kinds: ${groupKindSchema.options.join(", ")}`),
  number: listParam("Only the orders with these numbers"),
  paymentState: listParam(`Only orders in one of these payment states: ${PAYMENT_STATES.join(", ")} (paid: payments reached the total)`),
  orderType: z.string().min(1).max(64).optional().describe("Only orders of this order type (code)"),
  channel: z.string().min(1).max(50).optional().describe("Only orders from this sales channel"),
  createdSince: since.optional().describe("Only orders created at or after this time"),
  updatedSince: since.optional().describe("Only orders changed at or after this time (for polling sync)"),
  sort: z
    .enum(ORDER_LIST_SORTS, { error: `Use one of ${ORDER_LIST_SORTS.join(", ")}` })
    .default("created")
    .describe("Order of the list: `created` (default, oldest first) or `updated` (least recently changed first); a leading `-` reverses it. Ties go by the order's id in the same direction"),
  limit: z.coerce.number().int("limit must be a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(50).describe("Page size, 1 to 100 (default 50)"),
  cursor: z.string().max(200).optional().describe("`nextCursor` from the previous page, with the same `sort`"),
});

// ---- request bodies ----------------------------------------------------------------------------

export const createOrderBody = z.strictObject(createOrderInputSchema.omit({ actor: true }).shape);

const transitionFields = transitionInputSchema.pick({ expectedVersion: true, comment: true, customerVisible: true, notify: true }).shape;
export const transitionBody = z.strictObject({
  to: statusCode,
  ...transitionFields,
});

export const paymentBody = z.strictObject(recordPaymentInputSchema.pick({ amount: true, reference: true, expectedVersion: true }).shape);

const trackingFields = setTrackingInputSchema.pick({ courier: true, trackingNumber: true, expectedVersion: true }).partial().shape;
export const patchOrderBody = z
  .strictObject(trackingFields)
  .refine((b) => b.courier !== undefined || b.trackingNumber !== undefined, {
    message: "Send courier, trackingNumber or both (null or \"\" clears one)",
  });

/** The workflow document is validated by lib/workflow-config itself (references, lint); here it is any object. */
export const workflowBody = z.record(z.string(), z.unknown()).describe("A workflow document as `GET /workflow` returns it");

export const putWorkflowQuery = z.strictObject({
  confirmStranded: z.coerce
    .number()
    .int("confirmStranded must be a whole number")
    .min(0, "confirmStranded is at least 0")
    .max(2_147_483_647, "confirmStranded is too large")
    .optional()
    .describe("The `total` of a `would_strand_orders` answer: apply even though that many open orders would have no way forward. Refused again if the number changed meanwhile"),
});

// ---- responses -------------------------------------------------------------------------------------


export const apiStatusSchema = z.object({
  code: z.string(),
  name: z.string(),
  customerLabel: z.string().nullable().describe("What customers see; null: hidden from customers"),
  description: z.string(),
  colour: z.string(),
  group: z.object({ key: z.string(), name: z.string(), kind: groupKindSchema }),
  position: z.number().int(),
  requiresPayment: z.boolean(),
  allowCashOnDelivery: z.boolean(),
  awaitsPayment: z.boolean(),
  slaHours: z.number().int().nullable(),
  externalCodes: z.record(z.string(), z.string()).describe('Marketplace mappings, e.g. {"allegro": "SENT"}'),
  archived: z.boolean(),
});

export const apiOrderTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  initialStatus: z.string().describe("Status code new orders start in"),
  transitions: z.array(z.tuple([z.string(), z.string()])).describe("The matrix: allowed [from, to] status-code pairs"),
});

export const apiOrderSchema = z.object({
  number: z.string(),
  orderType: z.string(),
  status: z.object({
    code: z.string(),
    name: z.string(),
    groupKind: groupKindSchema,
    externalCodes: z.record(z.string(), z.string()),
  }),
  statusChangedAt: timestamp,
  version: z.number().int().describe("Send as `expectedVersion` to refuse a change made from stale data"),
  channel: z.string(),
  customer: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  locale: z.string(),
  currency: z.string(),
  total: minorUnits,
  items: z.array(
    z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unitPrice: minorUnits, vatRate: z.number() }),
  ),
  payment: z.object({ method: z.string(), paidAmount: minorUnits, paidAt: timestamp.nullable() }),
  shipping: z.object({
    method: z.string().nullable(),
    courier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    address: z
      .object({ name: z.string(), street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() })
      .nullable(),
  }),
  trackingUrl: z.string().describe("The customer's tracking page"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const apiEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(["created", "status_changed", "payment_recorded", "tracking_updated", "comment", "automation_failed", "notification_failed"]),
  from: z.string().nullable().describe("Status code before (status changes)"),
  to: z.string().nullable().describe("Status code after (creation and status changes)"),
  actor: z.object({ type: z.enum(["user", "api", "automation", "system"]), label: z.string() }),
  comment: z.string().nullable(),
  customerVisible: z.boolean(),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});

export const orderPageSchema = z.object({
  data: z.array(apiOrderSchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` (with the same `sort`) for the next page; null on the last page"),
  hasMore: z.boolean().describe("Whether another page follows (then `nextCursor` is set)"),
});

export const orderChangeSchema = z.object({
  order: apiOrderSchema,
  event: apiEventSchema.nullable().describe("The history entry the change wrote (null when nothing changed)"),
});

export const transitionResultSchema = orderChangeSchema.extend({
  notificationsQueued: z.number().int().describe("Customer and admin messages queued by this change"),
});

export const workflowResultSchema = z.object({
  applied: z.record(z.string(), z.unknown()).describe("What the document changed, per groups, statuses and order types"),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe("What went wrong, in words"),
  code: z.string().describe("Stable machine-readable reason"),
  errors: z.record(z.string(), z.array(z.string())).optional().describe("Per-field messages (dotted paths) for validation_failed"),
  allowed: z.array(z.object({ code: z.string(), name: z.string() })).optional().describe("transition_not_allowed: where the order may go"),
  reason: z.string().optional().describe("guard_failed: why, e.g. payment_required"),
  stranded: z
    .array(
      z.object({
        orderType: z.object({ code: z.string(), name: z.string() }),
        status: z.object({ code: z.string(), name: z.string() }),
        orders: z.number().int().describe("Open orders of this type in this status"),
      }),
    )
    .optional()
    .describe("would_strand_orders: the open orders the change would leave with no way forward, per order type and status"),
  total: z.number().int().optional().describe("would_strand_orders: all of them; send this number as `confirmStranded` to go ahead"),
  limit: z.number().int().optional().describe("rate_limited: requests allowed per window"),
  windowSeconds: z.number().int().optional().describe("rate_limited: the window's length in seconds"),
  retryAfter: z.number().int().optional().describe("rate_limited: seconds until the window ends, as in `Retry-After`"),
});

export const apiScopeSchema = z.enum(API_KEY_SCOPES);

export type ApiOrder = z.infer<typeof apiOrderSchema>;
export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiStatus = z.infer<typeof apiStatusSchema>;
