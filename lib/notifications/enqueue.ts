import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { outbox, type Order, type Status } from "@/db/schema";
import type { MessageSettings } from "@/lib/settings";
import { snapshotVariables } from "./variables";

type QueuedMessage = Pick<typeof outbox.$inferInsert, "kind" | "orderId" | "eventId" | "recipient" | "payload" | "idempotencyKey">;

// Run with every status change that notifies anyone: built once (see compileQuery). A message
// already queued under its idempotency key is not queued again.
const insertMessage = compileQuery<{ id: number }[], QueuedMessage>(
  (db) =>
    db
      .insert(outbox)
      .values({
        kind: sql.placeholder("kind"),
        orderId: sql.placeholder("orderId"),
        eventId: sql.placeholder("eventId"),
        recipient: sql.placeholder("recipient"),
        payload: sql.placeholder("payload"),
        idempotencyKey: sql.placeholder("idempotencyKey"),
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ id: outbox.id }),
  { id: outbox.id },
);

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
    settings: MessageSettings;
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
    settings: MessageSettings;
    eventId: number;
    recipients: Recipient[];
    keyPrefix: string;
    comment?: string;
  },
): Promise<number> {
  const { recipients } = input;
  if (recipients.length === 0) return 0;
  const variables = snapshotVariables(input);
  // One statement per recipient, sent together: the statement is built once and stays the same
  // whatever the number of recipients, where a multi-row insert would be built anew each time.
  const inserted = await Promise.all(
    recipients.map((r) =>
      insertMessage(tx, {
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
      }),
    ),
  );
  return inserted.filter((rows) => rows.length > 0).length;
}
