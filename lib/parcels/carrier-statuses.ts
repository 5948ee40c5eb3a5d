import type { ParcelEventKind } from "@/db/schema";

/**
 * A carrier's statuses onto the carrier-neutral parcel events (ADR 0159). Data, not code: another
 * carrier is another table. `null` marks a status the carrier documents that says nothing a shop
 * acts on (a shipment still being drafted, a reminder repeating what was said); such a report is
 * acknowledged and not recorded. A status missing from the table (one the carrier added after
 * the table was written) is recorded as `unknownStatus`, with its own word kept.
 */
export type CarrierStatusTable = {
  /** The carrier's statuses as it spells them, each with the neutral event it means. */
  statuses: Readonly<Record<string, ParcelEventKind | null>>;
  /**
   * What a status missing from the table is recorded as. `in_transit`: every status a carrier
   * adds names a step after the parcel left the sender and before it is delivered or returned,
   * and in transit sets off no rule that completes or returns an order.
   */
  unknownStatus: ParcelEventKind;
};

/**
 * InPost ShipX, from the status list of its documentation (`GET /v1/statuses`,
 * dokumentacja-inpost.atlassian.net, "Statuses"): the parcel locker, courier and pick-up point
 * statuses.
 */
export const INPOST_SHIPX_STATUSES: CarrierStatusTable = {
  statuses: {
    // A shipment being drafted: no label bought, no parcel yet.
    created: null,
    offers_prepared: null,
    offer_selected: null,
    // The label is bought: the parcel exists in InPost's system.
    confirmed: "created",
    // A cancelled shipment never travelled; the shop sees it in InPost's own panel.
    canceled: null,

    dispatched_by_sender: "in_transit",
    dispatched_by_sender_to_pok: "in_transit",
    collected_from_sender: "in_transit",
    taken_by_courier: "in_transit",
    taken_by_courier_from_pok: "in_transit",
    taken_by_courier_from_customer_service_point: "in_transit",
    adopted_at_source_branch: "in_transit",
    sent_from_source_branch: "in_transit",
    adopted_at_sorting_center: "in_transit",
    sent_from_sorting_center: "in_transit",
    adopted_at_target_branch: "in_transit",
    readdressed: "in_transit",
    redirect_to_box: "in_transit",
    canceled_redirect_to_box: "in_transit",
    permanently_redirected_to_box_machine: "in_transit",
    permanently_redirected_to_customer_service_point: "in_transit",
    delay_in_delivery: "in_transit",
    oversized: "in_transit",
    missing: "in_transit",
    claimed: "in_transit",
    other: "in_transit",
    // Not delivered, not yet back: still in InPost's hands, on its way to another try or back.
    avizo: "in_transit",
    courier_avizo_in_customer_service_point: "in_transit",
    undelivered: "in_transit",
    undelivered_wrong_address: "in_transit",
    undelivered_incomplete_address: "in_transit",
    undelivered_unknown_receiver: "in_transit",
    undelivered_cod_cash_receiver: "in_transit",
    undelivered_no_mailbox: "in_transit",
    undelivered_not_live_address: "in_transit",
    undelivered_lack_of_access_letterbox: "in_transit",
    rejected_by_receiver: "in_transit",
    pickup_time_expired: "in_transit",
    stack_parcel_pickup_time_expired: "in_transit",
    stack_parcel_in_box_machine_pickup_time_expired: "in_transit",
    unstack_from_box_machine: "in_transit",
    unstack_from_customer_service_point: "in_transit",

    out_for_delivery: "out_for_delivery",
    out_for_delivery_to_address: "out_for_delivery",

    ready_to_pickup: "ready_for_pickup",
    ready_to_pickup_from_pok: "ready_for_pickup",
    ready_to_pickup_from_pok_registered: "ready_for_pickup",
    ready_to_pickup_from_branch: "ready_for_pickup",
    stack_in_box_machine: "ready_for_pickup",
    stack_in_customer_service_point: "ready_for_pickup",
    // A reminder that the parcel still waits: said already by ready_to_pickup.
    pickup_reminder_sent: null,
    pickup_reminder_sent_address: null,

    delivered: "delivered",

    returned_to_sender: "returned_to_sender",
    return_pickup_confirmation_to_sender: "returned_to_sender",
  },
  unknownStatus: "in_transit",
};

/** What a carrier's status means: a neutral event (`known: false` when the table lacks it), or `ignored`. */
export type StatusMeaning = { event: ParcelEventKind; known: boolean } | { ignored: true };

export function meaningOf(table: CarrierStatusTable, carrierStatus: string): StatusMeaning {
  if (!Object.hasOwn(table.statuses, carrierStatus)) return { event: table.unknownStatus, known: false };
  const event = table.statuses[carrierStatus];
  return event ? { event, known: true } : { ignored: true };
}
