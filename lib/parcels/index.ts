// Parcel events: what carriers say about an order's parcel, in carrier-neutral words (ADR 0159).
export { INPOST_SHIPX_STATUSES, meaningOf, type CarrierStatusTable, type StatusMeaning } from "./carrier-statuses";
export { CARRIER_KEYS, carrierByKey } from "./carriers";
export type { Carrier, CarrierReading } from "./carrier";
export { parseShipxTime } from "./inpost-shipx";
export { checkCarrierAddress, receiveCarrierWebhook, type WebhookReceipt } from "./receive";
export { handleCarrierRequest } from "./webhook-request";
export { checkReceiverSecret, issueCarrierReceiverSecret, listCarrierReceivers, receiverPath } from "./receivers";
export { isParcelEventKind, PARCEL_EVENT_KINDS, parcelEventDataOf, type ParcelEventData } from "./event-data";
export { recordParcelEvent, recordParcelEventInputSchema, type RecordParcelEventInput } from "./record";
