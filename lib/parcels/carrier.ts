import type { Result } from "@/lib/result";
import type { CarrierStatusTable } from "./carrier-statuses";

/** What one webhook from a carrier says: a status report on a parcel, or an event that reports none. */
export type CarrierReading =
  | { kind: "report"; carrierStatus: string; trackingNumber: string | null; occurredAt: Date }
  | { kind: "other"; event: string };

/**
 * A carrier whose tracking webhooks Orderly receives: the courier key orders name it by, the
 * reader of its webhook's documented format, and its status table. The reader is the only code a
 * carrier needs; what its statuses mean is the table's data.
 */
export type Carrier = {
  key: string;
  statuses: CarrierStatusTable;
  readWebhook(body: unknown): Result<CarrierReading>;
};
