import { z } from "zod";
import { createOrderInputSchema, editOrderInputSchema, recordPaymentInputSchema, setTrackingInputSchema, transitionInputFields } from "@/lib/orders";
import { orderEventType } from "@/db/schema";
import { ORDER_SEARCH_MAX_LENGTH } from "@/lib/url-params";
import { documentSchema } from "@/lib/workflow-config";
import { recordParcelEventInputSchema } from "@/lib/parcels/record";

export { problemSchema } from "./problem";

/**
 * The API's request and response shapes. Request bodies reuse the services' own zod schemas
 * (one copy of every rule); the dispatcher refuses any field a schema does not declare, at every
 * depth (unknown-fields.ts), so a misspelt field ("expectedVerison", `customer.emial`) is refused
 * instead of silently ignored. Response schemas feed the OpenAPI document, and every response the
 * API tests receive is validated against that document (contract.ts), so the docs cannot drift
 * from the answers.
 *
 * Named components: a schema given `.meta({ id: "Name" })` is published once as
 * `#/components/schemas/Name` and every path refers to it (openapi.ts hoists it). Give an id to a
 * response shape that more than one endpoint shares, or that a client will want to name; ids are
 * unique across the document (a second, different schema with the same id fails the OpenAPI test).
 */

const statusCode = z.string().min(1).max(64).describe("A status's `code`, the ID an ERP maps its own statuses to");
const timestamp = z.string().describe("ISO 8601 date and time, UTC");
const minorUnits = z.number().int().describe("Money in integer minor units (grosze, cents)");

// ---- path and query parameters -------------------------------------------------------------

export const groupKindSchema = z.enum(["new", "in_progress", "completed", "not_completed"]);

export const orderNumberParams = z.object({
  number: z.string().min(1).max(64).describe("The order's number, e.g. ORD-10001"),
});

/** Every paged list's page size. */
const pageLimit = z.coerce.number().int("limit must be a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(50).describe("Page size, 1 to 100 (default 50)");
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
  q: z
    .string()
    .trim()
    .min(1, "Type something to search for")
    .max(ORDER_SEARCH_MAX_LENGTH, `At most ${ORDER_SEARCH_MAX_LENGTH} characters`)
    .optional()
    .describe(
      "Only orders where this text appears, in any case, in the number, the customer's name or email, the tracking number or an item's SKU; digits also find the customer's phone however it was written (spaces, dashes, +48). `%` and `_` mean themselves",
    ),
  orderType: z.string().min(1).max(64).optional().describe("Only orders of this order type (code)"),
  channel: z.string().min(1).max(50).optional().describe("Only orders from this sales channel"),
  createdSince: since.optional().describe("Only orders created at or after this time"),
  updatedSince: since.optional().describe("Only orders changed at or after this time (for polling sync)"),
  sort: z
    .enum(ORDER_LIST_SORTS, { error: `Use one of ${ORDER_LIST_SORTS.join(", ")}` })
    .default("created")
    .describe("Order of the list: `created` (default, oldest first) or `updated` (least recently changed first); a leading `-` reverses it. Ties go by the order's id in the same direction"),
  limit: pageLimit,
  cursor: z.string().max(200).optional().describe("`nextCursor` from the previous page, with the same `sort`"),
});

/** Paging of history, the same for the feed and one order's events (lib/api/event-pages.ts). */
const eventPageFields = {
  after: z
    .string()
    .regex(/^\d{1,15}$/, "after is an event id (a whole number): the nextCursor of the previous page")
    .transform(Number)
    .optional()
    .describe("`nextCursor` of the previous page (the id of the last event you processed); leave out to start from the first event"),
  limit: pageLimit,
};

export const orderEventsQuery = z.strictObject(eventPageFields);

const eventTypeList = z
  .string()
  .max(500)
  .transform((list) => list.split(",").map((t) => t.trim()))
  .pipe(z.array(z.enum(orderEventType.enumValues, { error: `Use event types: ${orderEventType.enumValues.join(", ")}` })).max(20));

export const eventFeedQuery = z.strictObject({
  ...eventPageFields,
  types: eventTypeList.optional().describe(`Only events of these types, comma-separated, e.g. \`status_changed,payment_recorded\` (${orderEventType.enumValues.join(", ")})`),
});

// ---- request bodies ----------------------------------------------------------------------------

export const createOrderBody = z.strictObject(createOrderInputSchema.omit({ actor: true }).shape);

const transitionFields = transitionInputFields.pick({ expectedVersion: true, comment: true, customerVisible: true, notify: true }).shape;
export const transitionBody = z.strictObject({
  to: statusCode,
  ...transitionFields,
});

export const paymentBody = z.strictObject(recordPaymentInputSchema.pick({ amount: true, reference: true, expectedVersion: true }).shape);

/** A carrier's report, carrier-neutral (ADR 0159); the service's own rules, the time as ISO 8601 text. */
export const parcelEventBody = z.strictObject({
  ...recordParcelEventInputSchema.pick({ event: true, carrier: true, carrierStatus: true, trackingNumber: true, expectedVersion: true }).shape,
  occurredAt: since.describe("When the carrier says it happened, with its offset (ISO 8601), e.g. 2026-03-20T15:08:42+01:00"),
});

const trackingFields = setTrackingInputSchema.pick({ courier: true, trackingNumber: true, expectedVersion: true }).partial().shape;
/**
 * A PATCH body must change something: at least one of its fields other than `except` (e.g. the
 * `expectedVersion` that only guards the change). Said twice from one list of keys: as the
 * refinement the server runs and as the `anyOf` of `required` the OpenAPI document shows, so
 * `PATCH {}` is refused by both. Fields added to the object later count automatically.
 */
export function requireSomeField<S extends z.ZodObject>(schema: S, { except = [] as string[], message }: { except?: string[]; message: string }) {
  const fields = Object.keys(schema.shape).filter((key) => !except.includes(key));
  return schema
    .refine((body: Record<string, unknown>) => fields.some((key) => body[key] !== undefined), { message })
    .meta({ anyOf: fields.map((key) => ({ required: [key] })) });
}

const editFields = editOrderInputSchema.pick({ customer: true, shippingAddress: true, items: true, total: true }).shape;
const EDIT_KEYS = ["customer", "shippingAddress", "items", "total"] as const;

/**
 * Tracking and edits share the endpoint but not a request: each PATCH is one change, with one
 * history entry and one webhook, and the edit's status rule never blocks a tracking number.
 */
const trackingOrEdit = z.strictObject({ ...trackingFields, ...editFields }).superRefine((body, ctx) => {
  const tracking = body.courier !== undefined || body.trackingNumber !== undefined;
  const edits = EDIT_KEYS.filter((key) => body[key] !== undefined);
  if (tracking) {
    for (const key of edits) ctx.addIssue({ code: "custom", path: [key], message: "Send edits and tracking (courier, trackingNumber) in separate requests" });
  }
});

export const patchOrderBody = requireSomeField(trackingOrEdit, {
  except: ["expectedVersion"],
  message: 'Send courier and trackingNumber (null or "" clears one), or customer, shippingAddress, items or total',
});

/**
 * The workflow document, declared field by field (lib/workflow-config's own schema), so unknown
 * keys are refused at every depth; references and lint are checked by the import itself.
 */
export const workflowBody = documentSchema;

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
  allowsEditing: z.boolean().describe("Orders in this status may have their customer, shipping address, items and total changed (`PATCH /orders/{number}`)"),
  slaHours: z.number().int().nullable(),
  externalCodes: z.record(z.string(), z.string()).describe('Marketplace mappings, e.g. {"allegro": "SENT"}'),
  archived: z.boolean(),
}).meta({ id: "Status" });

export const apiOrderTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  initialStatus: z.string().describe("Status code new orders start in"),
  transitions: z.array(z.tuple([z.string(), z.string()])).describe("The matrix: allowed [from, to] status-code pairs"),
}).meta({ id: "OrderType" });

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
}).meta({ id: "Order" });

export const apiEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(orderEventType.enumValues),
  from: z.string().nullable().describe("Status code before (status changes)"),
  to: z.string().nullable().describe("Status code after (creation and status changes)"),
  actor: z.object({ type: z.enum(["user", "api", "automation", "system"]), label: z.string() }),
  comment: z.string().nullable(),
  customerVisible: z.boolean(),
  data: z.record(z.string(), z.unknown()).describe("What the event says besides: a payment's amount, the tracking values, `note: true` on a note, a document on a document's record, a parcel event's `event`, `carrier`, `carrierStatus`, `trackingNumber` and `occurredAt`"),
  undoes: z.number().int().nullable().describe("On a status change that takes another back (undo): the id of the event it undoes; null otherwise"),
  createdAt: timestamp,
}).meta({ id: "Event" });

export const orderEventItemSchema = apiEventSchema.extend({
  order: z.string().describe("The order's number"),
  sequence: z
    .number()
    .int()
    .nullable()
    .describe("For the events a webhook announces (created, status changes, payments, tracking, edits, parcel events): the order's `version` after this event, the webhook's `data.sequence`. Null for comments, notes and failure records"),
}).meta({ id: "FeedEvent" });

export const eventPageSchema = z.object({
  data: z.array(orderEventItemSchema),
  nextCursor: z.string().nullable().describe("Pass as `after` for the next page, and store it to continue later; null only when there is no event yet"),
  hasMore: z.boolean().describe("More events are ready now: ask again at once with `after`=`nextCursor`"),
}).meta({ id: "EventPage" });

export const orderPageSchema = z.object({
  data: z.array(apiOrderSchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` (with the same `sort`) for the next page; null on the last page"),
  hasMore: z.boolean().describe("Whether another page follows (then `nextCursor` is set)"),
}).meta({ id: "OrderPage" });

export const orderChangeSchema = z.object({
  order: apiOrderSchema,
  event: apiEventSchema.nullable().describe("The history entry the change wrote (null when nothing changed)"),
}).meta({ id: "OrderChange" });

export const transitionResultSchema = orderChangeSchema.extend({
  notificationsQueued: z.number().int().describe("Customer and admin messages queued by this change"),
}).meta({ id: "TransitionResult" });

/** The lists `GET /statuses` and `GET /order-types` answer. */
export const statusListSchema = z.object({ data: z.array(apiStatusSchema) }).meta({ id: "StatusList" });
export const orderTypeListSchema = z.object({ data: z.array(apiOrderTypeSchema) }).meta({ id: "OrderTypeList" });

export const workflowResultSchema = z.object({
  applied: z.record(z.string(), z.unknown()).describe("What the document changed, per groups, statuses and order types"),
});

export type ApiOrder = z.infer<typeof apiOrderSchema>;
export type ApiEvent = z.infer<typeof apiEventSchema>;
export type OrderEventItem = z.infer<typeof orderEventItemSchema>;
export type EventPage = z.infer<typeof eventPageSchema>;
export type ApiStatus = z.infer<typeof apiStatusSchema>;
