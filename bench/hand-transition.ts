import type postgres from "postgres";

/**
 * The baseline of every status-change benchmark: the same five statements `transitionOrder` must
 * issue (lock, matrix and guard check, update, history insert, outbox insert), written by hand
 * and sent with postgres.js in one transaction, with no validation layer, no query builder and no
 * configurability beyond what these statuses use. What Orderly costs above this is its own.
 */
export type ShopFacts = { shopName: string; appUrl: string; bankAccount: string | null };

type LockedOrder = {
  id: number;
  number: string;
  order_type_id: number;
  status_id: number;
  paid_at: Date | null;
  payment_method: string;
  customer_name: string;
  customer_email: string | null;
  locale: string;
  currency: string;
  total: number;
  tracking_token: string;
};

type Target = {
  id: number;
  name: string;
  customer_label: string | null;
  requires_payment: boolean;
  allow_cash_on_delivery: boolean;
  archived: boolean;
  notify_customer_email: boolean;
  allowed: boolean;
};

export async function loadShopFacts(sql: postgres.Sql): Promise<ShopFacts> {
  const [row] = await sql<{ shop_name: string; app_url: string; bank_account: string | null }[]>`select shop_name, app_url, bank_account from settings limit 1`;
  return { shopName: row?.shop_name ?? "Shop", appUrl: row?.app_url ?? "http://localhost:3000", bankAccount: row?.bank_account ?? null };
}

/** Moves one order to `toStatusId` by hand; throws when the change is refused (the benchmark only makes allowed ones). */
export async function transitionByHand(sql: postgres.Sql, shop: ShopFacts, orderId: number, toStatusId: number): Promise<void> {
  await sql.begin(async (tx) => {
    const [order] = await tx<LockedOrder[]>`
      select id, number, order_type_id, status_id, paid_at, payment_method, customer_name, customer_email,
             locale, currency, total, tracking_token
      from orders where id = ${orderId} for update`;
    if (!order) throw new Error(`order ${orderId} not found`);
    const [target] = await tx<Target[]>`
      select s.id, s.name, s.customer_label, s.requires_payment, s.allow_cash_on_delivery,
             s.archived_at is not null as archived, s.notify_customer_email,
             exists (select 1 from transitions t
                     where t.order_type_id = ${order.order_type_id} and t.from_status_id = ${order.status_id} and t.to_status_id = s.id) as allowed
      from statuses s where s.id = ${toStatusId}`;
    if (!target?.allowed || target.archived) throw new Error(`order ${order.number}: change to ${toStatusId} not allowed`);
    if (target.requires_payment && !order.paid_at && !(target.allow_cash_on_delivery && order.payment_method === "cod")) {
      throw new Error(`order ${order.number}: payment required`);
    }
    await tx`
      update orders set status_id = ${target.id}, status_changed_at = now(), version = version + 1, updated_at = now()
      where id = ${order.id}`;
    const [event] = await tx<{ id: string }[]>`
      insert into order_events (order_id, type, from_status_id, to_status_id, actor_type, actor_label, customer_visible)
      values (${order.id}, 'status_changed', ${order.status_id}, ${target.id}, 'system', 'Benchmark', false)
      returning id`;
    if (!target.notify_customer_email || !order.customer_email || !event) return;
    const variables = {
      orderNumber: order.number,
      customerFirstName: order.customer_name.split(" ")[0] ?? "",
      statusLabel: target.customer_label ?? target.name,
      total: `${(order.total / 100).toFixed(2)} ${order.currency}`,
      paymentMethod: order.payment_method,
      bankAccount: shop.bankAccount ?? "",
      trackingPageUrl: `${shop.appUrl}/track/${order.tracking_token}`,
      shopName: shop.shopName,
    };
    const payload = { template: { statusId: target.id, channel: "email", audience: "customer" }, locale: order.locale, variables };
    await tx`
      insert into outbox (kind, order_id, event_id, recipient, payload, idempotency_key)
      values ('email', ${order.id}, ${event.id}, ${order.customer_email}, ${tx.json(payload)},
              ${`event:${event.id}:email:customer:${order.customer_email}`})`;
  });
}
