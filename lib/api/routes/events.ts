import { ok } from "@/lib/result";
import { FEED_SETTLE_MS, readEventPage } from "../event-pages";
import { defineRoute } from "../route";
import { eventFeedQuery, eventPageSchema } from "../schemas";

export const listAllEventsRoute = defineRoute({
  method: "GET",
  path: "/events",
  operationId: "listEvents",
  tag: "Orders",
  summary: "The event feed: every order's history, oldest first",
  description: [
    "Every history entry of every order (created, status changed, payment recorded, tracking updated, order edited, parcel events, comments and notes, undone changes, failed automations and notifications) in the order they were written, a page at a time, with the order's number: sync an ERP without webhooks or polling each order.",
    "Store `nextCursor` and send it back as `after` next time; while `hasMore` is true, ask again at once. You get each event once and none is skipped: an event is listed once it is " +
      `${FEED_SETTLE_MS / 1000} seconds old and every change that began before it has been saved, so no event turns up later behind a cursor you already hold.`,
    "An undo is a `status_changed` event whose `undoes` names the change it takes back; a note is a `comment` with `data.note` true; a `parcel_event` carries the carrier-neutral `event`, the `carrier`, its `carrierStatus`, the `trackingNumber` and `occurredAt` in `data`.",
  ].join("\n\n"),
  scope: "read",
  query: eventFeedQuery,
  response: { status: 200, description: "One page of events", schema: eventPageSchema },
  errors: ["validation_failed"],
  handle: async ({ db, query }) =>
    ok(
      await readEventPage(db, {
        after: query.after,
        limit: query.limit,
        types: query.types,
        settleMs: FEED_SETTLE_MS,
      }),
    ),
});
