import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderSearch, orders } from "@/db/schema";
import { courierName } from "@/lib/courier-name";
import { findNulCharacters } from "@/lib/nul-characters";
import type { Actor } from "@/lib/orders/actor";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { meaningOf } from "./carrier-statuses";
import { carrierByKey } from "./carriers";
import { recordParcelEvent } from "./record";
import { checkReceiverSecret } from "./receivers";

/** What a carrier's webhook came to, told back to the carrier (nothing about the orders it touched). */
export type WebhookReceipt = {
  /** History entries written: one per order carrying the parcel, none for a report already recorded. */
  recorded: number;
  /** Orders that already had this report. */
  duplicates: number;
  /** Why nothing was looked up: an event that reports no status, a status that says nothing, no tracking number. */
  ignored?: "event" | "status" | "no_tracking_number";
};

/**
 * The orders whose parcel has this tracking number. Looked up through order_search's trigram
 * index (ADR 0148), which answers equality too, rather than through an index of its own on
 * `orders`, which every status change would write; the order's own column is checked again.
 */
async function ordersWithParcel(db: DbOrTx, trackingNumber: string): Promise<number[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        sql`${orders.id} in (select ${orderSearch.orderId} from ${orderSearch} where ${orderSearch.trackingNumber} = ${trackingNumber})`,
        eq(orders.trackingNumber, trackingNumber),
      ),
    )
    .orderBy(asc(orders.id));
  return rows.map((r) => r.id);
}

/** Is the secret in the address the carrier's? (InPost checks a new address with a GET first.) */
export async function checkCarrierAddress(db: DbOrTx, input: { carrier: string; secret: string }): Promise<Result<{ carrier: string }>> {
  if (!carrierByKey(input.carrier) || !(await checkReceiverSecret(db, input.carrier, input.secret))) {
    return refuse("unauthorized", "This receiving address is not valid: copy it again from Orderly's Integrations page.");
  }
  return ok({ carrier: input.carrier });
}

/**
 * One tracking webhook from a carrier whose address was checked (ADR 0159): the body read in the
 * carrier's documented format, its status looked up in the carrier's table, and the neutral event
 * recorded on every order carrying the parcel, each in a transaction of its own (one order's
 * refusal does not undo another's). A report about a parcel no order carries is acknowledged:
 * the carrier reports every shipment of the account, not only the shop's orders.
 */
export async function receiveCarrierWebhook(db: DbOrTx, input: { carrier: string; body: unknown }): Promise<Result<WebhookReceipt>> {
  const carrier = carrierByKey(input.carrier);
  if (!carrier) return refuse("not_found", `Orderly does not receive webhooks from ${input.carrier}.`);
  // Checked before the carrier's reader, like every other way in: a NUL in the tracking number
  // would otherwise reach the parcel lookup and fail there as a 500.
  const nul = findNulCharacters(input.body);
  if (nul.length > 0) return validationFailed(nul);
  const reading = carrier.readWebhook(input.body);
  if (!reading.ok) return reading;
  if (reading.value.kind === "other") return ok({ recorded: 0, duplicates: 0, ignored: "event" });
  const { carrierStatus, trackingNumber, occurredAt } = reading.value;
  const meaning = meaningOf(carrier.statuses, carrierStatus);
  if ("ignored" in meaning) return ok({ recorded: 0, duplicates: 0, ignored: "status" });
  if (!trackingNumber) return ok({ recorded: 0, duplicates: 0, ignored: "no_tracking_number" });

  const actor: Actor = { type: "system", id: `carrier:${carrier.key}`, label: courierName(carrier.key) };
  const receipt: WebhookReceipt = { recorded: 0, duplicates: 0 };
  for (const orderId of await ordersWithParcel(db, trackingNumber)) {
    const result = await recordParcelEvent(db, {
      orderId,
      event: meaning.event,
      carrier: carrier.key,
      carrierStatus,
      trackingNumber,
      occurredAt,
      unknownStatus: !meaning.known,
      actor,
    });
    if (!result.ok) return result;
    if (result.value.event) receipt.recorded += 1;
    else receipt.duplicates += 1;
  }
  return ok(receipt);
}
