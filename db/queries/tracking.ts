import "server-only";
import { and, count, desc, eq, getTableColumns, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, statuses, statusGroups, type Status } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { getSettings } from "@/lib/settings";
import { pageCountOf, TIMELINE_PAGE_SIZE } from "@/lib/orders/page-bounds";
import { buildTrackingView, type CustomerStatus, type TrackingView } from "@/lib/tracking/view";
import { firstItems, itemCount } from "./order-items";

/** A status's customer label in a language, or null when the status is hidden from customers. */
export function labelIn(status: Pick<Status, "customerLabel" | "translations">, locale: Locale): string | null {
  // Hidden stays hidden in every language: no shop label, no translated one.
  if (status.customerLabel === null) return null;
  return status.translations[locale]?.customerLabel ?? status.customerLabel;
}

/**
 * The tracking page's data for a token, or undefined; `locale` undefined: the order's own.
 * `page` is the timeline's page, newest first. The database returns the first ITEMS_SHOWN items
 * and one page of the events the customer may see, however many the order holds.
 */
export async function getTrackingView({ db, token, locale, page = 1 }: { db: DbOrTx; token: string; locale?: Locale; page?: number }) {
  const { items: _items, ...columns } = getTableColumns(orders);
  const [row] = await db
    .select({ order: { ...columns, items: firstItems() }, itemCount: itemCount(), status: statuses, kind: statusGroups.kind })
    .from(orders)
    .innerJoin(statuses, eq(orders.statusId, statuses.id))
    .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
    .where(eq(orders.trackingToken, token));
  if (!row) return undefined;
  const lang: Locale = locale ?? (row.order.locale === "en" ? "en" : "pl");
  const toStatus = alias(statuses, "to_status");
  const toGroup = alias(statusGroups, "to_group");
  // The entries buildTrackingView keeps, chosen here so paging counts and skips only those.
  const publicComment = and(eq(orderEvents.customerVisible, true), isNotNull(orderEvents.comment), ne(orderEvents.comment, ""));
  const shown = and(
    eq(orderEvents.orderId, row.order.id),
    or(
      and(inArray(orderEvents.type, ["created", "status_changed"]), or(isNotNull(toStatus.customerLabel), publicComment)),
      // A note written for the customer (lib/orders/notes.ts, or an automation's comment).
      and(eq(orderEvents.type, "comment"), publicComment),
      // A carrier's report on the parcel (lib/parcels).
      eq(orderEvents.type, "parcel_event"),
    ),
  );
  const [[total], settings] = await Promise.all([
    db.select({ count: count() }).from(orderEvents).leftJoin(toStatus, eq(orderEvents.toStatusId, toStatus.id)).where(shown),
    getSettings(db),
  ]);
  const pageCount = pageCountOf(total?.count ?? 0, TIMELINE_PAGE_SIZE);
  const current = Math.min(Math.max(page, 1), pageCount);
  const [newestFirst, [lastLabelled]] = await Promise.all([
    db
      .select({ event: orderEvents, to: toStatus, kind: toGroup.kind })
      .from(orderEvents)
      .leftJoin(toStatus, eq(orderEvents.toStatusId, toStatus.id))
      .leftJoin(toGroup, eq(toStatus.groupId, toGroup.id))
      .where(shown)
      .orderBy(desc(orderEvents.id))
      .limit(TIMELINE_PAGE_SIZE)
      .offset((current - 1) * TIMELINE_PAGE_SIZE),
    // A hidden current status reads as the last one the customer saw, which may be on no page shown.
    db
      .select({ to: toStatus })
      .from(orderEvents)
      .innerJoin(toStatus, eq(orderEvents.toStatusId, toStatus.id))
      .where(and(eq(orderEvents.orderId, row.order.id), inArray(orderEvents.type, ["created", "status_changed"]), isNotNull(toStatus.customerLabel)))
      .orderBy(desc(orderEvents.id))
      .limit(1),
  ]);
  const customerStatus = (s: Status, kind: CustomerStatus["groupKind"]): CustomerStatus => ({
    label: labelIn(s, lang),
    groupKind: kind,
    awaitsPayment: s.awaitsPayment,
  });
  const view: TrackingView = buildTrackingView({
    locale: lang,
    order: { ...row.order, itemCount: row.itemCount, paid: row.order.paidAt !== null },
    current: customerStatus(row.status, row.kind),
    lastSeenLabel: lastLabelled ? labelIn(lastLabelled.to, lang) : null,
    events: newestFirst.reverse().map(({ event, to, kind }) => ({
      at: event.createdAt,
      type: event.type,
      to: to && kind ? customerStatus(to, kind) : null,
      comment: event.comment,
      customerVisible: event.customerVisible,
      data: event.type === "parcel_event" ? event.data : undefined,
    })),
    timelinePage: { page: current, pageCount },
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
