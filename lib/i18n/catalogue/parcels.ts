import { bilingual } from "./define";

/**
 * Parcel events in carrier-neutral words (ADR 0159): the order's history, the customer's tracking
 * page and the automation editor.
 */
export const parcels = bilingual({
  pl: {
    events: {
      created: "Przesyłka zarejestrowana u przewoźnika",
      in_transit: "Przesyłka w drodze",
      out_for_delivery: "Przesyłka wydana do doręczenia",
      ready_for_pickup: "Przesyłka gotowa do odbioru",
      delivered: "Przesyłka doręczona",
      returned_to_sender: "Przesyłka zwrócona do nadawcy",
    },
    byCarrier: "{event} · {carrier}",
    carrierStatus: "status przewoźnika: {status}",
    unknownStatus: "status spoza tabeli przewoźnika, zapisany jako „{event}”",
    occurredAt: "czas u przewoźnika: {time}",
  },
  en: {
    events: {
      created: "Parcel registered with the carrier",
      in_transit: "Parcel in transit",
      out_for_delivery: "Parcel out for delivery",
      ready_for_pickup: "Parcel ready for pickup",
      delivered: "Parcel delivered",
      returned_to_sender: "Parcel returned to sender",
    },
    byCarrier: "{event} · {carrier}",
    carrierStatus: "carrier's status: {status}",
    unknownStatus: "a status missing from the carrier’s table, recorded as “{event}”",
    occurredAt: "carrier’s time: {time}",
  },
});
