import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyLink } from "@/components/orders/copy-link";
import { DocumentsPanel } from "@/components/orders/documents-panel";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { TrackingForm } from "@/components/orders/tracking-form";
import { PaymentForm } from "@/components/orders/payment-form";
import { StatusChangePanel, type TargetOption } from "@/components/orders/status-change-panel";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { listCommentTemplates } from "@/db/queries/board";
import { listOrderDocuments } from "@/db/queries/documents";
import { getOrderByNumber, getOrderHistory, getOrderNotifications } from "@/db/queries/orders";
import { statuses as statusTable } from "@/db/schema";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime, formatDuration, formatMoney } from "@/lib/format";
import { trackingUrlFor } from "@/lib/notifications/variables";
import { loadWorkflowDefinition } from "@/lib/orders";
import { getSettings } from "@/lib/settings";
import { describeTargets } from "@/lib/workflow";
import { changeStatusAction, emailDocumentAction, issueDocumentAction, recordPaymentAction, setTrackingAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: `Order ${(await params).number}` };
}

export default async function OrderPage({ params }: { params: Promise<{ number: string }> }) {
  await requirePageUser("staff");
  const { number } = await params;
  const db = await getDb();
  const found = await getOrderByNumber({ db, number: decodeURIComponent(number) });
  if (!found) notFound();
  const { order, status, orderType } = found;
  const [history, notifications, definition, colours, settings, documents] = await Promise.all([
    getOrderHistory({ db, orderId: order.id }),
    getOrderNotifications({ db, orderId: order.id }),
    loadWorkflowDefinition(db, order.orderTypeId),
    db.select({ id: statusTable.id, colour: statusTable.colour }).from(statusTable),
    getSettings(db),
    listOrderDocuments({ db, orderId: order.id }),
  ]);
  const colourOf = new Map(colours.map((c) => [c.id, c.colour]));

  // Only the changes the matrix allows are offered; one the guards would refuse is shown with why.
  const targets: TargetOption[] = definition
    ? describeTargets(definition, { statusId: order.statusId, paid: order.paidAt !== null, paymentMethod: order.paymentMethod })
        .filter(({ verdict }) => verdict.ok || verdict.code === "guard_failed")
        .map(({ status: target, verdict }) => ({
          id: target.id,
          name: target.name,
          colour: colourOf.get(target.id) ?? "#475569",
          blockedBecause: verdict.ok ? undefined : verdict.message,
        }))
    : [];

  const templates = await listCommentTemplates({ db, statusIds: targets.map((t) => t.id) });
  const due = Math.max(order.total - order.paidAmount, 0);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/orders" className="text-sm text-blue-700 hover:underline">
          ← Orders
        </Link>
      </div>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Order {order.number}</h1>
        <StatusBadge name={status.name} colour={status.colour} className="text-sm" />
        <span className="text-sm text-slate-600">
          {orderType.name} · {order.channel} · in this status for {formatDuration(now.getTime() - order.statusChangedAt.getTime())}
        </span>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Change status">
            <StatusChangePanel orderId={order.id} version={order.version} targets={targets} templates={templates} action={changeStatusAction} />
          </Card>

          <Card title="Items">
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500 uppercase">
                <tr>
                  <th className="py-1">Item</th>
                  <th className="py-1 text-right">Qty</th>
                  <th className="py-1 text-right">Price</th>
                  <th className="py-1 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {order.items.map((item) => (
                  <tr key={item.sku}>
                    <td className="py-1.5">
                      {item.name} <span className="text-xs text-slate-500">{item.sku}</span>
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{item.quantity}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatMoney(item.unitPrice, order.currency)}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatMoney(item.unitPrice * item.quantity, order.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <td className="pt-2" colSpan={3}>
                    Total
                  </td>
                  <td className="pt-2 text-right tabular-nums">{formatMoney(order.total, order.currency)}</td>
                </tr>
              </tfoot>
            </table>
          </Card>

          <Card title="History">
            <HistoryTimeline entries={history} currency={order.currency} notifications={notifications} />
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="Payment">
            <dl className="mb-4 grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-600">Method</dt>
              <dd>{order.paymentMethod === "cod" ? "Cash on delivery" : order.paymentMethod}</dd>
              <dt className="text-slate-600">Paid</dt>
              <dd className="tabular-nums">
                {formatMoney(order.paidAmount, order.currency)} of {formatMoney(order.total, order.currency)}
              </dd>
              <dt className="text-slate-600">State</dt>
              <dd>
                {order.paidAt ? (
                  <span className="font-medium text-green-700">Paid {formatDateTime(order.paidAt)}</span>
                ) : (
                  <span className="font-medium text-amber-700">Unpaid</span>
                )}
              </dd>
            </dl>
            {due > 0 && <PaymentForm orderId={order.id} amountDue={(due / 100).toFixed(2)} action={recordPaymentAction} />}
          </Card>

          <Card title="Customer">
            <dl className="space-y-1 text-sm">
              <dt className="sr-only">Name</dt>
              <dd className="font-medium">{order.customerName}</dd>
              {order.customerEmail && (
                <>
                  <dt className="sr-only">Email</dt>
                  <dd>{order.customerEmail}</dd>
                </>
              )}
              {order.customerPhone && (
                <>
                  <dt className="sr-only">Phone</dt>
                  <dd>{order.customerPhone}</dd>
                </>
              )}
              {order.shippingAddress && (
                <>
                  <dt className="sr-only">Address</dt>
                  <dd className="pt-2 text-slate-700">
                    {order.shippingAddress.street}
                    <br />
                    {order.shippingAddress.postalCode} {order.shippingAddress.city}, {order.shippingAddress.country}
                  </dd>
                </>
              )}
            </dl>
          </Card>

          <Card title="Shipping">
            <dl className="mb-4 grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-600">Method</dt>
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

          <Card title="Documents">
            <DocumentsPanel
              orderId={order.id}
              orderNumber={order.number}
              customerEmail={order.customerEmail}
              documents={documents}
              issueAction={issueDocumentAction}
              emailAction={emailDocumentAction}
            />
          </Card>

          <Card title="Customer's tracking page">
            <CopyLink url={trackingUrlFor(order, settings.appUrl)} label="Tracking link" />
          </Card>

          <Card title="Details">
            <dl className="grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-600">Created</dt>
              <dd>{formatDateTime(order.createdAt)}</dd>
              <dt className="text-slate-600">Locale</dt>
              <dd>{order.locale}</dd>
              <dt className="text-slate-600">Version</dt>
              <dd>{order.version}</dd>
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}
