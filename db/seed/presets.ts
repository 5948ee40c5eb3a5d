import type { OrderTypeKind, StatusGroupKind } from "@/db/schema";
import type { WorkflowDefinition } from "@/lib/workflow";

/*
 * Status presets modelled on how Polish shops run their orders (the status templates of Saly,
 * Sellasist, BaseLinker and the common shop platforms). A preset is data only: `applyPreset`
 * writes it to the database.
 *
 * Status codes are global in the database (one `statuses` table shared by every order type), so
 * a code that appears in several presets must mean the same thing everywhere. Shared statuses are
 * therefore defined once, below, and the presets pick them up by reference.
 */

export type Locale = "pl" | "en";

/** The other staff language: a preset stores names in one and keeps the other as their translation. */
export const OTHER_LOCALE: Record<Locale, Locale> = { pl: "en", en: "pl" };

export type LocalizedText = Record<Locale, string>;

export type PresetStatus = {
  /** External ID an ERP or connector addresses the status by. */
  code: string;
  name: LocalizedText;
  /** What the customer sees on the tracking page and in messages; null hides the status. */
  customerLabel: LocalizedText | null;
  description: LocalizedText;
  /** Hex colour; dark enough for white text on the board's badges. */
  colour: string;
  groupKind: StatusGroupKind;
  /** Payment gate: an unpaid order cannot enter. */
  requiresPayment: boolean;
  /** With the gate on, cash-on-delivery orders may still enter: they pay the courier. */
  allowCashOnDelivery: boolean;
  /** The status asks the customer to pay. */
  awaitsPayment: boolean;
  /** Hours an order may sit here before it counts as late; null: no limit (closed statuses). */
  slaHours: number | null;
  notifyCustomerEmail: boolean;
  notifyCustomerSms: boolean;
  /** Marketplace mappings, e.g. Allegro's fulfillment status. */
  externalCodes: Record<string, string>;
};

export type StatusPreset = {
  key: "retail" | "wholesale" | "marketplace" | "returns" | "complaints";
  /** What the order type applied from it holds (ADR 0161); sales when absent. */
  kind?: OrderTypeKind;
  name: LocalizedText;
  description: string;
  initialStatus: string;
  statuses: PresetStatus[];
  /** The matrix as [fromCode, toCode]: a pair not listed is not allowed. */
  transitions: [from: string, to: string][];
};

/** A shop's sale process, offered on the statuses screen (the after-sales presets are applied apart). */
export type ShopPreset = StatusPreset & { key: "retail" | "wholesale" | "marketplace" };

export type DefaultStatusGroup = {
  key: StatusGroupKind;
  name: LocalizedText;
  colour: string;
  position: number;
  kind: StatusGroupKind;
};

/**
 * One group per kind, as Sellasist ships them: Nowe, W realizacji, Zrealizowane, Niezrealizowane
 * (New, In progress, Completed, Not completed). Migration 0026 gave existing shops' default groups
 * the same Polish names.
 */
export const DEFAULT_STATUS_GROUPS: readonly DefaultStatusGroup[] = [
  { key: "new", name: { pl: "Nowe", en: "New" }, colour: "#1d4ed8", position: 0, kind: "new" },
  { key: "in_progress", name: { pl: "W realizacji", en: "In progress" }, colour: "#b45309", position: 1, kind: "in_progress" },
  { key: "completed", name: { pl: "Zrealizowane", en: "Completed" }, colour: "#15803d", position: 2, kind: "completed" },
  { key: "not_completed", name: { pl: "Niezrealizowane", en: "Not completed" }, colour: "#4b5563", position: 3, kind: "not_completed" },
];

/**
 * Which preset statuses let staff and the API edit an order's customer, address, items and total:
 * those of the `new` kind (received, awaiting payment), before anyone has picked or packed
 * anything. Migration 0015 gave existing shops' statuses the same rule (ADR 0143).
 */
export function allowsEditingByDefault(kind: StatusGroupKind): boolean {
  return kind === "new";
}

export const NO_FLAGS = {
  requiresPayment: false,
  allowCashOnDelivery: false,
  awaitsPayment: false,
  notifyCustomerEmail: false,
  notifyCustomerSms: false,
  externalCodes: {},
} as const;

// Past the payment gate: unpaid orders stop here unless they are cash on delivery.
const PAID_OR_COD = { requiresPayment: true, allowCashOnDelivery: true } as const;

// ---------------------------------------------------------------------------------------------
// Statuses shared by several presets: one definition each.

const awaitingPayment: PresetStatus = {
  ...NO_FLAGS,
  code: "awaiting_payment",
  name: { pl: "Oczekuje na płatność", en: "Awaiting payment" },
  customerLabel: { pl: "Oczekuje na wpłatę", en: "Awaiting payment" },
  description: {
    pl: "Zamówienie przyjęte, czekamy na wpłatę. Wiadomość do klienta podaje numer konta bankowego sklepu, kwotę i numer zamówienia jako tytuł przelewu.",
    en: "Order accepted, waiting for the customer's payment. The message to the customer gives the shop's bank account number, the amount due and the order number as the transfer title.",
  },
  colour: "#b45309",
  groupKind: "new",
  awaitsPayment: true,
  slaHours: 168,
  notifyCustomerEmail: true,
};

const picking: PresetStatus = {
  ...NO_FLAGS,
  ...PAID_OR_COD,
  code: "picking",
  name: { pl: "Kompletowanie", en: "Picking" },
  customerLabel: { pl: "W realizacji", en: "Being prepared" },
  description: {
    pl: "Magazyn zbiera towar z półek. Tylko zamówienia opłacone lub za pobraniem.",
    en: "The warehouse is collecting the goods from the shelves. Paid or cash-on-delivery orders only.",
  },
  colour: "#6d28d9",
  groupKind: "in_progress",
  slaHours: 24,
  externalCodes: { allegro: "PROCESSING" },
};

const shipped: PresetStatus = {
  ...NO_FLAGS,
  ...PAID_OR_COD,
  code: "shipped",
  name: { pl: "Wysłane", en: "Shipped" },
  customerLabel: { pl: "Wysłane", en: "Shipped" },
  description: {
    pl: "Przesyłka przekazana kurierowi. Wiadomość do klienta podaje przewoźnika, numer przesyłki i link do śledzenia.",
    en: "The parcel is with the courier. The message to the customer gives the courier, the tracking number and the tracking link.",
  },
  colour: "#0369a1",
  groupKind: "in_progress",
  slaHours: 120,
  notifyCustomerEmail: true,
  notifyCustomerSms: true,
  externalCodes: { allegro: "SENT" },
};

const completed: PresetStatus = {
  ...NO_FLAGS,
  code: "completed",
  name: { pl: "Zakończone", en: "Completed" },
  customerLabel: { pl: "Zrealizowane", en: "Completed" },
  description: {
    pl: "Dostarczone i rozliczone. Pobranie musi być najpierw zaksięgowane jako wpłata od przewoźnika.",
    en: "Delivered and settled. For cash on delivery, record the courier's remittance as a payment first.",
  },
  colour: "#15803d",
  groupKind: "completed",
  // Completing means the money is in: cash-on-delivery orders wait for the courier's remittance.
  requiresPayment: true,
  slaHours: null,
  externalCodes: { allegro: "PICKED_UP" },
};

const cancelled: PresetStatus = {
  ...NO_FLAGS,
  code: "cancelled",
  name: { pl: "Anulowane", en: "Cancelled" },
  customerLabel: { pl: "Anulowane", en: "Cancelled" },
  description: {
    pl: "Zamówienie anulowane przez klienta lub sklep. Jeśli było opłacone, zwróć wpłatę.",
    en: "Cancelled by the customer or the shop. If it was paid, refund the payment.",
  },
  colour: "#b91c1c",
  groupKind: "not_completed",
  slaHours: null,
  notifyCustomerEmail: true,
  externalCodes: { allegro: "CANCELLED" },
};

// ---------------------------------------------------------------------------------------------
// Retail shop: the classic flow of Polish shop platforms ("otrzymane", "przyjęte - oczekujemy na
// wpłatę", "realizowane", "oczekiwanie na nadanie", "zamówienie wysłane").

const received: PresetStatus = {
  ...NO_FLAGS,
  code: "received",
  name: { pl: "Otrzymane", en: "Received" },
  customerLabel: { pl: "Zamówienie przyjęte", en: "Order received" },
  description: {
    pl: "Domyślny status nowego zamówienia ze sklepu. Klient dostaje potwierdzenie złożenia zamówienia.",
    en: "Every new shop order starts here. The customer gets the order confirmation.",
  },
  colour: "#1d4ed8",
  groupKind: "new",
  slaHours: 24,
  notifyCustomerEmail: true,
  externalCodes: { allegro: "NEW" },
};

const inProgress: PresetStatus = {
  ...NO_FLAGS,
  ...PAID_OR_COD,
  code: "in_progress",
  name: { pl: "W realizacji", en: "In progress" },
  customerLabel: { pl: "W realizacji", en: "Being prepared" },
  description: {
    pl: "Zamówienie opłacone (lub za pobraniem) jest kompletowane i pakowane.",
    en: "A paid (or cash-on-delivery) order being picked and packed.",
  },
  colour: "#4338ca",
  groupKind: "in_progress",
  slaHours: 48,
  notifyCustomerEmail: true,
  externalCodes: { allegro: "PROCESSING" },
};

const awaitingDispatch: PresetStatus = {
  ...NO_FLAGS,
  ...PAID_OR_COD,
  code: "awaiting_dispatch",
  name: { pl: "Oczekuje na nadanie", en: "Awaiting dispatch" },
  customerLabel: { pl: "Gotowe do wysyłki", en: "Ready to ship" },
  description: {
    pl: "Spakowane, z etykietą, czeka na odbiór przez kuriera lub nadanie w punkcie.",
    en: "Packed and labelled, waiting for the courier's pick-up or to be dropped off.",
  },
  colour: "#0e7490",
  groupKind: "in_progress",
  slaHours: 24,
  externalCodes: { allegro: "READY_FOR_SHIPMENT" },
};

export const retailPreset: ShopPreset = {
  key: "retail",
  name: { pl: "Sklep internetowy", en: "Retail shop" },
  description:
    "A B2C web shop: bank transfers wait for payment, card and cash-on-delivery orders go straight to fulfilment.",
  initialStatus: "received",
  statuses: [received, awaitingPayment, inProgress, awaitingDispatch, shipped, completed, cancelled],
  transitions: [
    ["received", "awaiting_payment"],
    ["received", "in_progress"],
    ["received", "cancelled"],
    ["awaiting_payment", "in_progress"],
    ["awaiting_payment", "cancelled"],
    ["in_progress", "awaiting_dispatch"],
    ["in_progress", "shipped"],
    ["in_progress", "cancelled"],
    ["awaiting_dispatch", "shipped"],
    ["awaiting_dispatch", "cancelled"],
    ["shipped", "completed"],
    // Refused or undeliverable parcels come back to the shop.
    ["shipped", "cancelled"],
  ],
};

// ---------------------------------------------------------------------------------------------
// B2B wholesaler: Saly's templates (niepotwierdzone, potwierdzone, kompletowanie, wysłane,
// reklamacja oczekująca / zakończona, anulowane) with the payment request placed after
// confirmation, before the order is taken into fulfilment.

const unconfirmed: PresetStatus = {
  ...NO_FLAGS,
  code: "unconfirmed",
  name: { pl: "Niepotwierdzone", en: "Unconfirmed" },
  customerLabel: { pl: "Oczekuje na potwierdzenie", en: "Awaiting confirmation" },
  description: {
    pl: "Zamówienie z platformy B2B czeka na sprawdzenie stanów magazynowych, cen i warunków handlowych.",
    en: "A B2B order waiting for stock, prices and trade terms to be checked.",
  },
  colour: "#1e40af",
  groupKind: "new",
  slaHours: 24,
  notifyCustomerEmail: true,
};

const confirmed: PresetStatus = {
  ...NO_FLAGS,
  code: "confirmed",
  name: { pl: "Potwierdzone", en: "Confirmed" },
  customerLabel: { pl: "Potwierdzone", en: "Confirmed" },
  description: {
    pl: "Sklep potwierdził zamówienie i termin realizacji; klient dostaje potwierdzenie (i fakturę pro forma przy przedpłacie).",
    en: "The wholesaler confirmed the order and its lead time; the customer gets the confirmation (and a pro-forma invoice when prepaying).",
  },
  colour: "#0f766e",
  groupKind: "new",
  slaHours: 48,
  notifyCustomerEmail: true,
};

const complaintPending: PresetStatus = {
  ...NO_FLAGS,
  code: "complaint_pending",
  name: { pl: "Reklamacja oczekująca", en: "Complaint pending" },
  customerLabel: { pl: "Reklamacja w rozpatrzeniu", en: "Complaint under review" },
  description: {
    pl: "Klient zgłosił reklamację; na odpowiedź są 14 dni.",
    en: "The customer filed a complaint; it must be answered within 14 days.",
  },
  colour: "#c2410c",
  groupKind: "in_progress",
  slaHours: 336,
  notifyCustomerEmail: true,
};

const complaintClosed: PresetStatus = {
  ...NO_FLAGS,
  code: "complaint_closed",
  name: { pl: "Reklamacja zakończona", en: "Complaint closed" },
  customerLabel: { pl: "Reklamacja rozpatrzona", en: "Complaint resolved" },
  description: {
    pl: "Reklamacja rozpatrzona; decyzja i jej uzasadnienie zostały wysłane klientowi.",
    en: "The complaint was decided; the decision and its reasons were sent to the customer.",
  },
  colour: "#166534",
  groupKind: "completed",
  slaHours: null,
  notifyCustomerEmail: true,
};

export const wholesalePreset: ShopPreset = {
  key: "wholesale",
  name: { pl: "Hurtownia B2B", en: "B2B wholesaler" },
  description:
    "B2B orders are confirmed by the wholesaler first; prepaying customers are asked for payment before picking.",
  initialStatus: "unconfirmed",
  // `completed` is not among Saly's templates, but without it every delivered order would stay
  // in "shipped" (an open status) for ever; it is the shared closing status of the other presets.
  statuses: [
    unconfirmed,
    confirmed,
    awaitingPayment,
    picking,
    shipped,
    completed,
    complaintPending,
    complaintClosed,
    cancelled,
  ],
  transitions: [
    ["unconfirmed", "confirmed"],
    ["unconfirmed", "cancelled"],
    ["confirmed", "awaiting_payment"],
    ["confirmed", "picking"],
    ["confirmed", "cancelled"],
    ["awaiting_payment", "picking"],
    ["awaiting_payment", "cancelled"],
    ["picking", "shipped"],
    ["picking", "cancelled"],
    ["shipped", "completed"],
    ["shipped", "complaint_pending"],
    // Warranty complaints arrive after the order was closed: an intended reopening.
    ["completed", "complaint_pending"],
    ["complaint_pending", "complaint_closed"],
  ],
};

// ---------------------------------------------------------------------------------------------
// Marketplace warehouse: BaseLinker's advice (picking and packing split, one status per courier
// set by automatic actions, returns), for Allegro-heavy sellers.

const marketplaceNew: PresetStatus = {
  ...NO_FLAGS,
  code: "new",
  name: { pl: "Nowe", en: "New" },
  customerLabel: { pl: "Zamówienie przyjęte", en: "Order received" },
  description: {
    pl: "Nowe zamówienie z marketplace'u lub sklepu, jeszcze nieprzetworzone.",
    en: "A new marketplace or shop order, not processed yet.",
  },
  colour: "#2563eb",
  groupKind: "new",
  slaHours: 12,
  externalCodes: { allegro: "NEW" },
};

const packing: PresetStatus = {
  ...NO_FLAGS,
  ...PAID_OR_COD,
  code: "packing",
  name: { pl: "Pakowanie", en: "Packing" },
  customerLabel: { pl: "W realizacji", en: "Being prepared" },
  description: {
    pl: "Towar zebrany, trwa pakowanie i drukowanie etykiety.",
    en: "Goods collected; packing and printing the shipping label.",
  },
  colour: "#7e22ce",
  groupKind: "in_progress",
  slaHours: 8,
  externalCodes: { allegro: "PROCESSING" },
};

function courierStatus(code: string, courier: string, colour: string): PresetStatus {
  return {
    ...NO_FLAGS,
    ...PAID_OR_COD,
    code,
    name: { pl: `Do nadania: ${courier}`, en: `To ship: ${courier}` },
    // Warehouse sorting only: the customer keeps seeing "being prepared" until the parcel leaves.
    customerLabel: null,
    description: {
      pl: `Spakowane z etykietą ${courier}, czeka na odbiór. Ustawiane automatycznie według wybranej metody dostawy.`,
      en: `Packed with a ${courier} label, waiting for pick-up. Set automatically from the chosen delivery method.`,
    },
    colour,
    groupKind: "in_progress",
    slaHours: 24,
    externalCodes: { allegro: "READY_FOR_SHIPMENT" },
  };
}

const returned: PresetStatus = {
  ...NO_FLAGS,
  code: "returned",
  name: { pl: "Zwrot", en: "Returned" },
  customerLabel: { pl: "Zwrócone", en: "Returned" },
  description: {
    pl: "Towar wrócił do magazynu: odstąpienie od umowy lub nieodebrana przesyłka. Zwróć wpłatę, jeśli była.",
    en: "The goods came back: a withdrawal from the purchase or an uncollected parcel. Refund any payment.",
  },
  colour: "#9f1239",
  groupKind: "not_completed",
  slaHours: null,
  notifyCustomerEmail: true,
  externalCodes: { allegro: "RETURNED" },
};

// Personal pickup (Allegro's "odbiór osobisty"): packed, waiting at the shop for the customer,
// who is told so by email. Gated like every status after packing: paid, or paid at the counter
// (the cash-on-delivery exemption).
const readyForPickup: PresetStatus = {
  ...NO_FLAGS,
  ...PAID_OR_COD,
  code: "ready_for_pickup",
  name: { pl: "Gotowe do odbioru", en: "Ready for pickup" },
  customerLabel: { pl: "Gotowe do odbioru", en: "Ready for pickup" },
  description: {
    pl: "Spakowane, czeka w sklepie na odbiór osobisty przez klienta.",
    en: "Packed and waiting at the shop for the customer to collect it.",
  },
  colour: "#0e7490",
  groupKind: "in_progress",
  slaHours: 72,
  notifyCustomerEmail: true,
  externalCodes: { allegro: "READY_FOR_PICKUP" },
};

const COURIER_STATUSES = [
  courierStatus("courier_inpost", "InPost", "#854d0e"),
  courierStatus("courier_dpd", "DPD", "#be123c"),
  courierStatus("courier_dhl", "DHL", "#a16207"),
  courierStatus("courier_poczta_polska", "Poczta Polska", "#9a3412"),
];

export const marketplacePreset: ShopPreset = {
  key: "marketplace",
  name: { pl: "Magazyn marketplace", en: "Marketplace warehouse" },
  description:
    "High-volume marketplace fulfilment: picking and packing split, orders sorted by courier, returns tracked.",
  initialStatus: "new",
  statuses: [
    marketplaceNew,
    awaitingPayment,
    picking,
    packing,
    ...COURIER_STATUSES,
    readyForPickup,
    shipped,
    completed,
    cancelled,
    returned,
  ],
  transitions: [
    ["new", "awaiting_payment"],
    ["new", "picking"],
    ["new", "cancelled"],
    ["awaiting_payment", "picking"],
    ["awaiting_payment", "cancelled"],
    ["picking", "packing"],
    ["picking", "cancelled"],
    ...COURIER_STATUSES.flatMap((s): [string, string][] => [
      ["packing", s.code],
      [s.code, "shipped"],
      [s.code, "cancelled"],
    ]),
    ["packing", "cancelled"],
    ["packing", "ready_for_pickup"],
    ["ready_for_pickup", "completed"],
    ["ready_for_pickup", "cancelled"],
    ["shipped", "completed"],
    ["shipped", "returned"],
    // Consumers may withdraw within 14 days of delivery: an intended reopening.
    ["completed", "returned"],
  ],
};

export const STATUS_PRESETS: readonly ShopPreset[] = [retailPreset, wholesalePreset, marketplacePreset];

/**
 * A preset as the workflow engine sees it, with ids numbered from 1 in the preset's status order.
 * Lets the lint and the UI judge a preset before it touches the database.
 */
export function presetToWorkflowDefinition(preset: StatusPreset, locale: Locale = "en"): WorkflowDefinition {
  const ids = new Map(preset.statuses.map((s, i) => [s.code, i + 1] as const));
  const idOf = (code: string): number => {
    const id = ids.get(code);
    // An unknown code maps to an id no status has, so the lint reports it instead of hiding it.
    return id ?? -1;
  };
  return {
    initialStatusId: idOf(preset.initialStatus),
    statuses: preset.statuses.map((s) => ({
      id: idOf(s.code),
      code: s.code,
      name: s.name[locale],
      groupKind: s.groupKind,
      requiresPayment: s.requiresPayment,
      allowCashOnDelivery: s.allowCashOnDelivery,
      awaitsPayment: s.awaitsPayment,
      archived: false,
    })),
    transitions: preset.transitions.map(([from, to]) => ({ from: idOf(from), to: idOf(to) })),
  };
}
