import { readableCode } from "@/lib/readable-code";

/**
 * The carriers' own names, by the code a shop stores ("poczta_polska"). They are brands, written
 * the same in every language, so they live here and not in the catalogue.
 */
const KNOWN_COURIERS = new Map([
  ["inpost", "InPost"],
  ["dpd", "DPD"],
  ["dhl", "DHL"],
  ["poczta_polska", "Poczta Polska"],
  ["pocztex", "Pocztex"],
  ["gls", "GLS"],
  ["ups", "UPS"],
  ["fedex", "FedEx"],
  ["orlen", "ORLEN Paczka"],
  ["orlen_paczka", "ORLEN Paczka"],
  ["geis", "Geis"],
  ["raben", "Raben"],
]);

/** A courier as people read it: its brand name, or the code made readable. */
export function courierName(code: string): string {
  return KNOWN_COURIERS.get(code) ?? readableCode(code);
}
