import type { Carrier } from "./carrier";
import { inpostShipx } from "./inpost-shipx";

/** The carriers whose webhooks come in at `/api/carriers/<key>/<secret>`, by courier key. */
export const CARRIERS: Readonly<Record<string, Carrier>> = { [inpostShipx.key]: inpostShipx };

export const CARRIER_KEYS = Object.keys(CARRIERS);

export function carrierByKey(key: string): Carrier | undefined {
  return Object.hasOwn(CARRIERS, key) ? CARRIERS[key] : undefined;
}
