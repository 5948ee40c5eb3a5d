import type { Tx } from "@/db";
import { outbox, type Order, type Settings, type Status } from "@/db/schema";
import { snapshotVariables } from "./variables";

/** The caller's say over customer messages, e.g. the toggles in a change dialog. */
export type NotifyOverride = { email?: boolean; sms?: boolean };

export type Recipient = { kind: "email" | "sms"; audience: "customer" | "admin"; address: string };

function appliesToChannel(status: Status, channel: string): boolean {
  return status.notifyChannels.length === 0 || status.notifyChannels.includes(channel);
}

/** Who hears about an order entering `status`: the status's switches, the channel filter, the override. */
export function recipientsFor(status: Status, order: Order, notify: NotifyOverride = {}): Recipient[] {
  if (!appliesToChannel(status, order.channel)) return [];
  const recipients: Recipient[] = [];
  if (status.notifyCustomerEmail && (notify.email ?? true) && order.customerEmail) {
    recipients.push({ kind: "email", audience: "customer", address: order.customerEmail });
  }
  if (status.notifyCustomerSms && (notify.sms ?? true) && order.customerPhone) {
    recipients.push({ kind: "sms", audience: "customer", address: order.customerPhone });
  }
  if (status.notifyAdminEmail) {
    for (const address of status.adminEmails) {
      recipients.push({ kind: "email", audience: "admin", address });
    }
  }
  return recipients;
}

/**
 * Queues the notifications for an order entering `status`, inside the caller's transaction:
 * the change and its messages commit or roll back together. Delivery is the worker's job.
 */
export async function enqueueStatusNotifications(
  tx: Tx,
  input: {
    order: Order;
    status: Status;
    settings: Settings;
    eventId: number;
    comment?: string;
    notify?: NotifyOverride;
  },
): Promise<number> {
  const recipients = recipientsFor(input.status, input.order, input.notify);
  // One message per event, channel, audience and address: a retried send reuses the key.
  return enqueueTemplateMessages(tx, { ...input, recipients, keyPrefix: `event:${input.eventId}` });
}

/**
 * Queues `status`'s templates for the given recipients (an automation's "send this status's
 * email to ..."). `keyPrefix` makes the idempotency keys: a message queued twice under the same
 * prefix, channel, audience and address is one message.
 */
export async function enqueueTemplateMessages(
  tx: Tx,
  input: {
    order: Order;
    status: Status;
    settings: Settings;
    eventId: number;
    recipients: Recipient[];
    keyPrefix: string;
    comment?: string;
  },
): Promise<number> {
  const { recipients } = input;
  if (recipients.length === 0) return 0;
  const variables = snapshotVariables(input);
  const rows = await tx
    .insert(outbox)
    .values(
      recipients.map((r) => ({
        kind: r.kind,
        orderId: input.order.id,
        eventId: input.eventId,
        recipient: r.address,
        payload: {
          template: { statusId: input.status.id, channel: r.kind, audience: r.audience },
          locale: input.order.locale,
          variables,
        },
        idempotencyKey: `${input.keyPrefix}:${r.kind}:${r.audience}:${r.address}`,
      })),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  return rows.length;
}
