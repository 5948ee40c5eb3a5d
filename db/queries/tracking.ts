import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, statuses, statusGroups, type Status } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { getSettings } from "@/lib/settings";
import { buildTrackingView, type CustomerStatus, type TrackingView } from "@/lib/tracking/view";

function labelIn(status: Pick<Status, "customerLabel" | "translations">, locale: Locale): string | null {
  // Hidden stays hidden in every language: no shop label, no translated one.
  if (status.customerLabel === null) return null;
  return status.translations[locale]?.customerLabel ?? status.customerLabel;
}

/** The tracking page's data for a token, or undefined; `locale` undefined: the order's own. */
export async function getTrackingView({ db, token, locale }: { db: DbOrTx; token: string; locale?: Locale }) {
  const [row] = await db
    .select({ order: orders, status: statuses, kind: statusGroups.kind })
    .from(orders)
    .innerJoin(statuses, eq(orders.statusId, statuses.id))
    .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
    .where(eq(orders.trackingToken, token));
  if (!row) return undefined;
  const lang: Locale = locale ?? (row.order.locale === "en" ? "en" : "pl");
  const toStatus = alias(statuses, "to_status");
  const toGroup = alias(statusGroups, "to_group");
  const [events, settings] = await Promise.all([
    db
      .select({ event: orderEvents, to: toStatus, kind: toGroup.kind })
      .from(orderEvents)
      .leftJoin(toStatus, eq(orderEvents.toStatusId, toStatus.id))
      .leftJoin(toGroup, eq(toStatus.groupId, toGroup.id))
      .where(eq(orderEvents.orderId, row.order.id))
      .orderBy(asc(orderEvents.id)),
    getSettings(db),
  ]);
  const customerStatus = (s: Status, kind: CustomerStatus["groupKind"]): CustomerStatus => ({
    label: labelIn(s, lang),
    groupKind: kind,
    awaitsPayment: s.awaitsPayment,
  });
  const view: TrackingView = buildTrackingView({
    locale: lang,
    order: { ...row.order, paid: row.order.paidAt !== null },
    current: customerStatus(row.status, row.kind),
    events: events.map(({ event, to, kind }) => ({
      at: event.createdAt,
      type: event.type,
      to: to && kind ? customerStatus(to, kind) : null,
      comment: event.comment,
      customerVisible: event.customerVisible,
    })),
    shop: { bankAccount: settings.bankAccount, courierTrackingLinks: settings.courierTrackingLinks },
  });
  return { view, locale: lang, shop: settings, updatedAt: row.order.updatedAt };
}

/**
 * What the tracking page's cache is keyed by: the order's, the settings' and the statuses' last change and the order's newest document. Every
 * service that changes an order bumps `updated_at`, so a changed order misses the cache at once.
 */
export async function getTrackingStamp({ db, token }: { db: DbOrTx; token: string }): Promise<string | undefined> {
  const [row] = await db
    .select({
      order: orders.updatedAt,
      shop: sql<string>`(select updated_at::text from settings limit 1)`,
      // A renamed customer label shows at once too.
      labels: sql<string>`(select max(updated_at)::text from statuses)`,
      // Issuing a document does not change the order, yet the page lists it.
      documents: sql<string>`(select max(id)::text from documents where documents.order_id = ${orders.id})`,
    })
    .from(orders)
    .where(eq(orders.trackingToken, token));
  return row ? `${row.order.toISOString()}|${row.shop ?? ""}|${row.labels ?? ""}|${row.documents ?? ""}` : undefined;
}
