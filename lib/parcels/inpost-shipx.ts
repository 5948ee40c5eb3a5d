import { z } from "zod";
import { ok, validationFailed, type Result } from "@/lib/result";
import { INPOST_SHIPX_STATUSES } from "./carrier-statuses";
import { carrierStatusSchema } from "./record";
import type { Carrier, CarrierReading } from "./carrier";

/**
 * InPost ShipX's tracking webhook, as its documentation gives it (dokumentacja-inpost.atlassian.net,
 * "Webhooks"): a JSON object with `event_ts` ("2020-03-20 15:08:42 +0100"), `event`,
 * `organization_id` and `payload`. `shipment_status_changed` carries `payload.status` and
 * `payload.tracking_number` (null while the shipment has none); the other events
 * (`shipment_confirmed`, `offers_prepared`) report no status. Fields beyond these are let
 * through: InPost has added some before (`created_by_id`).
 */
const shipxWebhook = z.looseObject({
  event_ts: z.string().max(64),
  event: z.string().min(1).max(100),
  organization_id: z.number().int().optional(),
  payload: z.looseObject({}),
});

const statusPayload = z.looseObject({
  shipment_id: z.number().int().optional(),
  status: carrierStatusSchema,
  tracking_number: z.string().trim().max(100).nullable().optional(),
});

/** "2020-03-20 15:08:42 +0100" as ShipX writes times; an ISO 8601 time is taken too. */
export function parseShipxTime(text: string): Date | undefined {
  const shipx = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  const iso = shipx ? `${shipx[1]}T${shipx[2]}${shipx[3]}${shipx[4]}:${shipx[5]}` : text.trim();
  // Checked as ISO 8601 either way: a 31st of February is refused, not rolled into March.
  if (!z.iso.datetime({ offset: true }).safeParse(iso).success) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function readShipxWebhook(body: unknown): Result<CarrierReading> {
  const envelope = shipxWebhook.safeParse(body);
  if (!envelope.success) return validationFailed(envelope.error.issues);
  const occurredAt = parseShipxTime(envelope.data.event_ts);
  if (!occurredAt) return validationFailed([{ path: ["event_ts"], message: 'A time like "2020-03-20 15:08:42 +0100"' }]);
  if (envelope.data.event !== "shipment_status_changed") return ok({ kind: "other", event: envelope.data.event });
  const payload = statusPayload.safeParse(envelope.data.payload);
  if (!payload.success) return validationFailed(payload.error.issues.map((issue) => ({ ...issue, path: ["payload", ...issue.path] })));
  return ok({ kind: "report", carrierStatus: payload.data.status, trackingNumber: payload.data.tracking_number || null, occurredAt });
}

export const inpostShipx: Carrier = {
  key: "inpost",
  statuses: INPOST_SHIPX_STATUSES,
  readWebhook: readShipxWebhook,
};
