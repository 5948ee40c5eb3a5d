import { NO_FLAGS, OTHER_LOCALE, type Locale, type PresetStatus, type StatusPreset } from "./presets";

/*
 * The after-sales processes (ADR 0161): a return (the consumer's withdrawal within the return
 * window) and a complaint (a claim that the goods are faulty). Each is applied as an order type of
 * its own kind, so its orders are linked to the sale they concern and run by the same engine as
 * sales. Codes carry their process's prefix: status codes are global, and the wholesale preset's
 * `complaint_pending` / `complaint_closed` belong to a sale's own flow.
 */

// Polish law gives the shop 14 days to refund after the goods come back and 14 days to answer a
// complaint: the SLA of the statuses that wait on the shop.
const FOURTEEN_DAYS = 336;

const returnRequested: PresetStatus = {
  ...NO_FLAGS,
  code: "return_requested",
  name: { pl: "Zwrot zgłoszony", en: "Return requested" },
  customerLabel: { pl: "Zwrot zgłoszony", en: "Return requested" },
  description: {
    pl: "Klient zgłosił zwrot na stronie śledzenia zamówienia. Sprawdź pozycje i powód, potem przyjmij albo odrzuć.",
    en: "The customer asked for a return on the order's tracking page. Check the items and the reason, then accept or reject it.",
  },
  colour: "#1d4ed8",
  groupKind: "new",
  slaHours: 48,
  notifyCustomerEmail: true,
};

const returnAccepted: PresetStatus = {
  ...NO_FLAGS,
  code: "return_accepted",
  name: { pl: "Zwrot przyjęty", en: "Return accepted" },
  customerLabel: { pl: "Zwrot przyjęty – odeślij paczkę", en: "Return accepted – please send the parcel" },
  description: {
    pl: "Zwrot przyjęty; czekamy na paczkę od klienta (ma na to 14 dni).",
    en: "Return accepted; waiting for the customer's parcel (they have 14 days to send it).",
  },
  colour: "#4338ca",
  groupKind: "in_progress",
  slaHours: FOURTEEN_DAYS,
  notifyCustomerEmail: true,
};

const returnParcelReceived: PresetStatus = {
  ...NO_FLAGS,
  code: "return_parcel_received",
  name: { pl: "Paczka zwrotna odebrana", en: "Return parcel received" },
  customerLabel: { pl: "Otrzymaliśmy zwrot", en: "We have received your return" },
  description: {
    pl: "Towar wrócił do magazynu. Sprawdź go i zwróć pieniądze w ciągu 14 dni.",
    en: "The goods are back in the warehouse. Check them and refund the money within 14 days.",
  },
  colour: "#0e7490",
  groupKind: "in_progress",
  slaHours: FOURTEEN_DAYS,
  notifyCustomerEmail: true,
};

const returnRefunded: PresetStatus = {
  ...NO_FLAGS,
  code: "return_refunded",
  name: { pl: "Zwrot pieniędzy wykonany", en: "Refunded" },
  customerLabel: { pl: "Pieniądze zwrócone", en: "Refunded" },
  description: {
    pl: "Pieniądze za zwrócone pozycje odesłane klientowi.",
    en: "The money for the returned items has been sent back to the customer.",
  },
  colour: "#15803d",
  groupKind: "completed",
  slaHours: null,
  notifyCustomerEmail: true,
};

const returnRejected: PresetStatus = {
  ...NO_FLAGS,
  code: "return_rejected",
  name: { pl: "Zwrot odrzucony", en: "Return rejected" },
  customerLabel: { pl: "Zwrot odrzucony", en: "Return rejected" },
  description: {
    pl: "Zwrot nie został przyjęty (np. po terminie albo towar nosi ślady użytkowania). Wiadomość do klienta podaje powód.",
    en: "The return was not accepted (e.g. too late, or the goods show signs of use). The message to the customer gives the reason.",
  },
  colour: "#b91c1c",
  groupKind: "not_completed",
  slaHours: null,
  notifyCustomerEmail: true,
};

export const returnPreset: StatusPreset = {
  key: "returns",
  kind: "return",
  name: { pl: "Zwroty", en: "Returns" },
  description: "A consumer's return: requested on the tracking page, accepted, the parcel received, the money refunded.",
  initialStatus: "return_requested",
  statuses: [returnRequested, returnAccepted, returnParcelReceived, returnRefunded, returnRejected],
  transitions: [
    ["return_requested", "return_accepted"],
    ["return_requested", "return_rejected"],
    ["return_accepted", "return_parcel_received"],
    // The parcel never came.
    ["return_accepted", "return_rejected"],
    ["return_parcel_received", "return_refunded"],
    // The goods came back used or damaged.
    ["return_parcel_received", "return_rejected"],
  ],
};

const complaintSubmitted: PresetStatus = {
  ...NO_FLAGS,
  code: "complaint_submitted",
  name: { pl: "Reklamacja zgłoszona", en: "Complaint submitted" },
  customerLabel: { pl: "Reklamacja zgłoszona", en: "Complaint submitted" },
  description: {
    pl: "Klient opisał wadę towaru. Na odpowiedź sklep ma 14 dni.",
    en: "The customer described a fault in the goods. The shop has 14 days to answer.",
  },
  colour: "#c2410c",
  groupKind: "new",
  slaHours: FOURTEEN_DAYS,
  notifyCustomerEmail: true,
};

const complaintAccepted: PresetStatus = {
  ...NO_FLAGS,
  code: "complaint_accepted",
  name: { pl: "Reklamacja przyjęta", en: "Complaint accepted" },
  customerLabel: { pl: "Reklamacja uznana", en: "Complaint accepted" },
  description: {
    pl: "Reklamacja uznana: naprawa, wymiana, obniżenie ceny albo zwrot pieniędzy.",
    en: "The complaint is upheld: a repair, a replacement, a price reduction or a refund.",
  },
  colour: "#6d28d9",
  groupKind: "in_progress",
  slaHours: FOURTEEN_DAYS,
  notifyCustomerEmail: true,
};

const complaintResolved: PresetStatus = {
  ...NO_FLAGS,
  code: "complaint_resolved",
  name: { pl: "Reklamacja załatwiona", en: "Complaint resolved" },
  customerLabel: { pl: "Reklamacja załatwiona", en: "Complaint resolved" },
  description: {
    pl: "Naprawiony lub wymieniony towar odesłany albo pieniądze zwrócone.",
    en: "The repaired or replaced goods were sent, or the money refunded.",
  },
  colour: "#166534",
  groupKind: "completed",
  slaHours: null,
  notifyCustomerEmail: true,
};

const complaintRejected: PresetStatus = {
  ...NO_FLAGS,
  code: "complaint_rejected",
  name: { pl: "Reklamacja odrzucona", en: "Complaint rejected" },
  customerLabel: { pl: "Reklamacja nieuznana", en: "Complaint rejected" },
  description: {
    pl: "Reklamacja nieuznana. Wiadomość do klienta podaje uzasadnienie.",
    en: "The complaint was not upheld. The message to the customer gives the reasons.",
  },
  colour: "#4b5563",
  groupKind: "not_completed",
  slaHours: null,
  notifyCustomerEmail: true,
};

export const complaintPreset: StatusPreset = {
  key: "complaints",
  kind: "complaint",
  name: { pl: "Reklamacje", en: "Complaints" },
  description: "A complaint about faulty goods: submitted on the tracking page, accepted or rejected, then resolved.",
  initialStatus: "complaint_submitted",
  statuses: [complaintSubmitted, complaintAccepted, complaintResolved, complaintRejected],
  transitions: [
    ["complaint_submitted", "complaint_accepted"],
    ["complaint_submitted", "complaint_rejected"],
    ["complaint_accepted", "complaint_resolved"],
  ],
};

/** The after-sales presets, apart from the shop presets (STATUS_PRESETS): they ship no sale flow. */
export const AFTER_SALES_PRESETS: readonly StatusPreset[] = [returnPreset, complaintPreset];

/** The order types the demo seed and a new shop get for them, named in both staff languages. */
export const AFTER_SALES_ORDER_TYPES = {
  return: { code: "return", name: { pl: "Zwrot", en: "Return" } },
  complaint: { code: "complaint", name: { pl: "Reklamacja", en: "Complaint" } },
} as const;

/** An after-sales order type as a preset writes it: named in `locale`, with the other language as its translation. */
export function afterSalesOrderType(kind: keyof typeof AFTER_SALES_ORDER_TYPES, locale: Locale) {
  const { code, name } = AFTER_SALES_ORDER_TYPES[kind];
  const other = OTHER_LOCALE[locale];
  return { code, name: name[locale], translations: { [other]: { name: name[other] } } };
}
