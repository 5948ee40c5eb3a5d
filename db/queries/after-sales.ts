import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, orderTypes, statusGroups, statuses } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { afterSalesEligibility, heldItems, returnableLines, type AfterSalesKind, type Eligibility, type ReturnableLine } from "@/lib/returns";
import { getSettings } from "@/lib/settings";
import { labelIn } from "./tracking";

/** A return or complaint as its customer sees it on the sale's tracking page: no personal data. */
export type CustomerRequest = {
  number: string;
  kind: AfterSalesKind;
  createdAt: Date;
  /** The status's customer label; the last one shown when the current status is hidden is not looked up. */
  label: string | null;
  groupKind: string;
  items: { name: string; quantity: number }[];
};

export type AfterSalesOffer = { eligibility: Eligibility; lines: ReturnableLine[] };

/**
 * The tracking page's after-sales part for a sale: what the customer may still return or complain
 * about, and the requests made so far. Undefined for a token that is not a sale's. Read on every
 * view, apart from the cached tracking view: a return's change does not touch its sale.
 */
export async function getAfterSalesForTracking({ db, token, locale, now = new Date() }: { db: DbOrTx; token: string; locale: Locale; now?: Date }) {
  const [sale] = await db
    .select({ id: orders.id, items: orders.items, statusChangedAt: orders.statusChangedAt, orderKind: orderTypes.kind, statusKind: statusGroups.kind })
    .from(orders)
    .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(eq(orders.trackingToken, token));
  if (!sale || sale.orderKind !== "sale") return undefined;
  const { returnWindowDays } = await getSettings(db);
  const offer = async (kind: AfterSalesKind): Promise<AfterSalesOffer> => ({
    eligibility: afterSalesEligibility(kind, { ...sale, returnWindowDays, now }),
    lines: returnableLines(sale.items, await heldItems(db, sale.id, kind)),
  });
  const rows = await db
    .select({ number: orders.number, kind: orderTypes.kind, createdAt: orders.createdAt, items: orders.items, status: statuses, groupKind: statusGroups.kind })
    .from(orders)
    .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(eq(orders.parentOrderId, sale.id))
    .orderBy(asc(orders.id));
  const requests: CustomerRequest[] = rows.map((r) => ({
    number: r.number,
    kind: r.kind === "complaint" ? "complaint" : "return",
    createdAt: r.createdAt,
    label: labelIn(r.status, locale),
    groupKind: r.groupKind,
    items: r.items.map((i) => ({ name: i.name, quantity: i.quantity })),
  }));
  return { returnWindowDays, return: await offer("return"), complaint: await offer("complaint"), requests };
}

/**
 * An order's links for its staff page (ADR 0161): the sale a return or complaint belongs to, and
 * the returns and complaints of a sale, oldest first.
 */
export async function getLinkedOrders({ db, order }: { db: DbOrTx; order: { id: number; parentOrderId: number | null } }) {
  const parent = order.parentOrderId === null ? undefined : (await db.select({ number: orders.number }).from(orders).where(eq(orders.id, order.parentOrderId)))[0];
  const children = await db
    .select({ number: orders.number, total: orders.total, currency: orders.currency, createdAt: orders.createdAt, kind: orderTypes.kind, type: { name: orderTypes.name, translations: orderTypes.translations }, status: statuses })
    .from(orders)
    .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .where(eq(orders.parentOrderId, order.id))
    .orderBy(asc(orders.id));
  return { parent, children };
}
