import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/channel-name";
import { isLocale } from "@/lib/i18n/locales";
import { AfterSalesPanel } from "@/components/orders/after-sales-panel";
import { CopyLink } from "@/components/orders/copy-link";
import { CustomerEditForm } from "@/components/orders/customer-edit-form";
import { DocumentsPanel } from "@/components/orders/documents-panel";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { NoteForm } from "@/components/orders/note-form";
import { Pagination } from "@/components/orders/pagination";
import { TrackingForm } from "@/components/orders/tracking-form";
import { PaymentForm } from "@/components/orders/payment-form";
import { RefundForm } from "@/components/orders/refund-form";
import { StatusChangePanel, type TargetOption } from "@/components/orders/status-change-panel";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { listCommentTemplates } from "@/db/queries/board";
import { getLinkedOrders } from "@/db/queries/after-sales";
import { listOrderDocuments } from "@/db/queries/documents";
import { correctionBasis } from "@/lib/documents/correction-basis";
import { getOrderByNumber, getOrderHistory, getOrderNotifications } from "@/db/queries/orders";
import { statuses as statusTable } from "@/db/schema";
import { requirePageUser } from "@/lib/auth";
import { durationMessage, formatDateTime, formatMoney } from "@/lib/format";
import { nameIn } from "@/lib/i18n/name-in";
import { trackingUrlFor } from "@/lib/notifications/variables";
import { loadWorkflowDefinition } from "@/lib/orders";
import { loadStatusRights, withStatusRights } from "@/lib/roles/status-rights";
import { pageFromQuery } from "@/lib/orders/page-bounds";
import { getSettings } from "@/lib/settings";
import { describeTargets } from "@/lib/workflow";
import { undoChangeAction } from "../../undo/actions";
import { previewChangeAction } from "../../preview/actions";
import { addNoteAction, changeStatusAction, editCustomerAction, emailDocumentAction, issueDocumentAction, recordPaymentAction, recordRefundAction, setTrackingAction } from "./actions";
import { refundedSoFar } from "@/lib/returns";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  const t = await getTranslations("order");
  return { title: t("title", { number: (await params).number }) };
}

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const user = await requirePageUser("staff");
  const [{ number }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const found = await getOrderByNumber({ db, number });
  if (!found) notFound();
  const { order, itemCount, status, orderType } = found;
  const [t, tCommon, tNotes, locale, timeZone] = await Promise.all([getTranslations("order"), getTranslations("common"), getTranslations("notes"), getLocale(), getTimeZone()]);
  const [history, definition, statusRows, settings, documents, rights, linked, tTrack, languageName, channelWords] = await Promise.all([
    getOrderHistory({ db, orderId: order.id, page: pageFromQuery(query.history) }),
    loadWorkflowDefinition(db, order.orderTypeId),
    db.select({ id: statusTable.id, colour: statusTable.colour, translations: statusTable.translations }).from(statusTable),
    getSettings(db),
    listOrderDocuments({ db, orderId: order.id }),
    loadStatusRights(db, user.role.id),
    getLinkedOrders({ db, order }),
    getTranslations("track"),
    getTranslations("common.languageNames"),
    getTranslations("common.salesChannels"),
  ]);
  const afterSales = orderType.kind !== "sale";
  const [refunded, correctionBlocked] = afterSales ? await Promise.all([refundedSoFar(db, order.id), correctionBasis(db, order).then((b) => (b.ok ? undefined : b.reason))]) : [0, undefined];
  const typed = (minor: number) => (locale === "pl" ? (minor / 100).toFixed(2).replace(".", ",") : (minor / 100).toFixed(2));
  const request = order.returnRequest;
  const notifications = await getOrderNotifications({ db, orderId: order.id, eventIds: history.entries.map((e) => e.event.id) });
  const statusById = new Map(statusRows.map((s) => [s.id, s]));
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const date = (at: Date) => formatDateTime(at, locale, timeZone);

  // Only the changes the matrix and the person's role allow are offered; one the guards would
  // refuse is shown with why.
  const targets: TargetOption[] = definition
    ? describeTargets(withStatusRights(definition, rights, order.orderTypeId), { statusId: order.statusId, paid: order.paidAt !== null, paymentMethod: order.paymentMethod })
        .filter(({ verdict }) => verdict.ok || verdict.code === "guard_failed")
        .map(({ status: target, verdict }) => {
          const name = nameIn({ name: target.name, translations: statusById.get(target.id)?.translations }, locale);
          const reason = !verdict.ok && verdict.code === "guard_failed" ? verdict.reason : undefined;
          return {
            id: target.id,
            name,
            colour: statusById.get(target.id)?.colour ?? "#475569",
            blockedBecause: reason ? t(reason === "archived" ? "change.blocked.archived" : "change.blocked.payment_required", { status: name }) : undefined,
          };
        })
    : [];

  const templates = await listCommentTemplates({ db, statusIds: targets.map((t) => t.id) });
  const due = Math.max(order.total - order.paidAmount, 0);
  const now = new Date();
  const inStatus = durationMessage(now.getTime() - order.statusChangedAt.getTime());
  const more = itemCount - order.items.length;
  const paymentMethod = order.paymentMethod;
  const methodName =
    paymentMethod === "cod" || paymentMethod === "transfer" || paymentMethod === "card" ? t(`payment.methods.${paymentMethod}`) : paymentMethod;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/orders" className="text-sm text-blue-700 hover:underline">
          ← {tCommon("nav.orders")}
        </Link>
      </div>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title", { number: order.number })}</h1>
        <StatusBadge name={nameIn(status, locale)} colour={status.colour} className="text-sm" />
        <span className="text-sm text-slate-600">
          {nameIn(orderType, locale)} · {channelName(order.channel, channelWords)} · {t("inStatusFor", { duration: tCommon(`duration.${inStatus.key}`, inStatus.values as never) })}
        </span>
        {linked.parent && orderType.kind !== "sale" && (
          <Link href={`/orders/${linked.parent.number}`} className="text-sm text-blue-700 hover:underline" data-testid="parent-order-link">
            {t(`afterSales.of.${orderType.kind}`, { number: linked.parent.number })}
          </Link>
        )}
      </header>
      {request && (request.reason || request.description) && (
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="return-request">
          {request.reason && (
            <>
              <dt className="text-slate-600">{t("afterSales.reason")}</dt>
              <dd>{tTrack.has(`afterSales.reasons.${request.reason}` as "afterSales.reasons.other") ? tTrack(`afterSales.reasons.${request.reason}` as "afterSales.reasons.other") : request.reason}</dd>
            </>
          )}
          {request.description && (
            <>
              <dt className="text-slate-600">{t("afterSales.description")}</dt>
              <dd className="whitespace-pre-wrap">{request.description}</dd>
            </>
          )}
        </dl>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("cards.changeStatus")}>
            <StatusChangePanel
              orderId={order.id}
              orderNumber={order.number}
              version={order.version}
              targets={targets}
              templates={templates}
              action={changeStatusAction}
              undo={undoChangeAction}
              preview={previewChangeAction}
            />
          </Card>

          <Card title={t("cards.items")}>
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500 uppercase">
                <tr>
                  <th className="py-1">{t("items.item")}</th>
                  <th className="py-1 text-right">{t("items.quantity")}</th>
                  <th className="py-1 text-right">{t("items.price")}</th>
                  <th className="py-1 text-right">{t("items.amount")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {order.items.map((item) => (
                  <tr key={item.sku}>
                    <td className="py-1.5">
                      {item.name} <span className="text-xs text-slate-500">{item.sku}</span>
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{item.quantity}</td>
                    <td className="py-1.5 text-right tabular-nums">{money(item.unitPrice)}</td>
                    <td className="py-1.5 text-right tabular-nums">{money(item.unitPrice * item.quantity)}</td>
                  </tr>
                ))}
                {more > 0 && (
                  <tr>
                    <td className="py-1.5 text-slate-600" colSpan={4} data-testid="more-items">
                      {t("items.more", { count: more })}
                    </td>
                  </tr>
                )}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <td className="pt-2" colSpan={3}>
                    {t("items.total")}
                  </td>
                  <td className="pt-2 text-right tabular-nums">{money(order.total)}</td>
                </tr>
              </tfoot>
            </table>
          </Card>

          <Card title={tNotes("card")}>
            <NoteForm orderId={order.id} hasEmail={Boolean(order.customerEmail)} action={addNoteAction} />
          </Card>

          <Card title={history.totalCount > history.entries.length ? t("cards.historyCount", { count: history.totalCount }) : t("cards.history")}>
            <div id="history" className="space-y-4">
              <HistoryTimeline entries={history.entries} currency={order.currency} notifications={notifications} />
              {history.pageCount > 1 && (
                <Pagination
                  page={history.page}
                  pageCount={history.pageCount}
                  hrefFor={(page) => `/orders/${encodeURIComponent(order.number)}${page > 1 ? `?history=${page}` : ""}#history`}
                  labels={{
                    nav: t("historyPages.nav"),
                    previous: t("historyPages.newer"),
                    next: t("historyPages.older"),
                    pageOf: (page, count) => t("historyPages.pageOf", { page, count }),
                  }}
                />
              )}
            </div>
          </Card>
        </div>

        <div className="space-y-6">
          {/* A return or complaint is not paid for: its money goes the other way, through the refund card. */}
          {orderType.kind === "sale" && (
            <Card title={t("cards.payment")}>
              <dl className="mb-4 grid grid-cols-2 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("payment.method")}</dt>
                <dd>{methodName}</dd>
                <dt className="text-slate-600">{t("payment.paid")}</dt>
                <dd className="tabular-nums">{t("payment.paidOf", { paid: money(order.paidAmount), total: money(order.total) })}</dd>
                <dt className="text-slate-600">{t("payment.state")}</dt>
                <dd>
                  {order.paidAt ? (
                    <span className="font-medium text-green-700">{t("payment.paidOn", { date: date(order.paidAt) })}</span>
                  ) : (
                    <span className="font-medium text-amber-700">{t("payment.unpaid")}</span>
                  )}
                </dd>
              </dl>
              {due > 0 && (
                <PaymentForm
                  orderId={order.id}
                  amountDue={locale === "pl" ? (due / 100).toFixed(2).replace(".", ",") : (due / 100).toFixed(2)}
                  action={recordPaymentAction}
                />
              )}
            </Card>
          )}

          <Card title={t("cards.customer")}>
            <dl className="space-y-1 text-sm">
              <dt className="sr-only">{t("customer.name")}</dt>
              <dd className="font-medium">{order.customerName}</dd>
              {order.customerEmail && (
                <>
                  <dt className="sr-only">{t("customer.email")}</dt>
                  <dd>{order.customerEmail}</dd>
                </>
              )}
              {order.customerPhone && (
                <>
                  <dt className="sr-only">{t("customer.phone")}</dt>
                  <dd>{order.customerPhone}</dd>
                </>
              )}
              {order.shippingAddress && (
                <>
                  <dt className="sr-only">{t("customer.address")}</dt>
                  <dd className="pt-2 text-slate-700">
                    {order.shippingAddress.street}
                    <br />
                    {order.shippingAddress.postalCode} {order.shippingAddress.city}, {order.shippingAddress.country}
                  </dd>
                </>
              )}
            </dl>
            {/* Offered only while the order's status allows editing; the edit checks the same again under the lock. */}
            {status.allowsEditing && (
              <CustomerEditForm
                orderId={order.id}
                version={order.version}
                initial={{ name: order.customerName, email: order.customerEmail, phone: order.customerPhone, address: order.shippingAddress }}
                action={editCustomerAction}
              />
            )}
          </Card>

          <Card title={t("cards.shipping")}>
            <dl className="mb-4 grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("shipping.method")}</dt>
              <dd>{order.shippingMethod ?? "—"}</dd>
            </dl>
            <TrackingForm
              orderId={order.id}
              version={order.version}
              courier={order.courier}
              trackingNumber={order.trackingNumber}
              couriers={Object.keys(settings.courierTrackingLinks)}
              action={setTrackingAction}
            />
          </Card>

          <Card title={t("cards.documents")}>
            <DocumentsPanel
              orderId={order.id}
              orderNumber={order.number}
              customerEmail={order.customerEmail}
              documents={documents}
              afterSales={afterSales}
              correctionBlocked={correctionBlocked}
              issueAction={issueDocumentAction}
              emailAction={emailDocumentAction}
            />
          </Card>

          {afterSales && (
            <Card title={t("cards.refund")}>
              <RefundForm
                orderId={order.id}
                amountLeft={typed(Math.max(order.total - refunded, 0))}
                refundedText={t("refund.refunded", { refunded: money(refunded), total: money(order.total) })}
                action={recordRefundAction}
              />
            </Card>
          )}

          {orderType.kind === "sale" && (
            <Card title={t("cards.afterSales")}>
              <AfterSalesPanel requests={linked.children} locale={locale} />
            </Card>
          )}

          <Card title={t("cards.trackingPage")}>
            <CopyLink url={trackingUrlFor(order, settings.appUrl)} label={t("trackingLink")} />
          </Card>

          <Card title={t("cards.details")}>
            <dl className="grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("details.created")}</dt>
              <dd>{date(order.createdAt)}</dd>
              <dt className="text-slate-600">{t("details.locale")}</dt>
              {/* The language the customer is written to, named in the reader's; a code the catalogue does not know, as it is. */}
              <dd>{isLocale(order.locale) ? languageName(order.locale) : order.locale}</dd>
              <dt className="text-slate-600">{t("details.version")}</dt>
              <dd>{order.version}</dd>
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}
