import { bilingual } from "./define";

/**
 * The admin alert email's own words (the part around the admin's template): in the shop's staff
 * language, since it goes to the shop's people, not to the customer.
 */
export const alerts = bilingual({
  pl: {
    openOrder: "Otwórz zamówienie w Orderly",
    summary: "Podsumowanie",
    order: "Zamówienie",
    total: "Razem",
    why: "Powiadomienie dla zespołu sklepu {shop}: ten status wysyła je na adresy ustawione w edytorze statusu.",
  },
  en: {
    openOrder: "Open the order in Orderly",
    summary: "Summary",
    order: "Order",
    total: "Total",
    why: "An alert for the {shop} team: this status sends it to the addresses set in the status editor.",
  },
});
