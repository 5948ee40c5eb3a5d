import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { carrierReceivers, type CarrierReceiver } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { courierName } from "@/lib/courier-name";
import { ok, refuse, type Result } from "@/lib/result";
import { carrierByKey } from "./carriers";

/**
 * 32 random bytes as lowercase hex: InPost asks for receiving addresses in lower case, and a
 * guess at 256 bits is no guess.
 */
export function generateReceiverSecret(): string {
  return randomBytes(32).toString("hex");
}

/** The receiving address's path for a carrier and secret; the admin screen puts the shop's address before it. */
export function receiverPath(carrier: string, secret: string): string {
  return `/api/carriers/${carrier}/${secret}`;
}

export async function listCarrierReceivers(db: DbOrTx): Promise<CarrierReceiver[]> {
  return db.select().from(carrierReceivers).orderBy(asc(carrierReceivers.carrier));
}

/**
 * Sets a carrier's receiving address up, or gives it a new secret: the old address stops
 * working at once, so the admin pastes the new one into the carrier's panel. Audited without the
 * secret (ADR 0127).
 */
export async function issueCarrierReceiverSecret(db: DbOrTx, carrier: string, actor: AuditActor): Promise<Result<{ receiver: CarrierReceiver; rotated: boolean }>> {
  if (!carrierByKey(carrier)) return refuse("not_found", `Orderly does not receive webhooks from ${carrier}.`);
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const [existing] = await tx.select({ carrier: carrierReceivers.carrier }).from(carrierReceivers).where(eq(carrierReceivers.carrier, carrier)).for("update");
    const [receiver] = await tx
      .insert(carrierReceivers)
      .values({ carrier, secret: generateReceiverSecret(), createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: carrierReceivers.carrier, set: { secret: sql`excluded.secret`, updatedAt: now } })
      .returning();
    await recordAudit(tx, { actor, kind: "carrier_receiver", action: existing ? "secret_rotated" : "created", subject: { id: carrier, label: courierName(carrier) } });
    return ok({ receiver: receiver!, rotated: Boolean(existing) });
  });
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether `presented` is the carrier's secret. Compared as SHA-256 digests in constant time, so
 * neither the answer's timing nor a length difference tells a caller how much of a guess was
 * right. A right one is noted as the receiver's last contact.
 */
export async function checkReceiverSecret(db: DbOrTx, carrier: string, presented: string): Promise<boolean> {
  const [receiver] = await db.select({ secret: carrierReceivers.secret }).from(carrierReceivers).where(eq(carrierReceivers.carrier, carrier));
  if (!receiver || !timingSafeEqual(digest(receiver.secret), digest(presented))) return false;
  await db.update(carrierReceivers).set({ lastReceivedAt: new Date() }).where(eq(carrierReceivers.carrier, carrier));
  return true;
}
