import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { outbox, type Order, type Status } from "@/db/schema";
import type { MessageSettings } from "@/lib/settings";
import { DUPLICATE_REASON } from "./outbox-reasons";
import { smsRecipient } from "./sms-recipient";
import { snapshotVariables } from "./variables";

type QueuedMessage = Pick<
  typeof outbox.$inferInsert,
  "kind" | "orderId" | "eventId" | "recipient" | "payload" | "idempotencyKey" | "state" | "lastError"
> & {
  /** Seconds the message waits before the worker may send it (the undo hold; 0: at once). */
  holdSeconds: number;
  /** Hours in which the same template to the same order and address is skipped (0: never). */
  duplicateWindowHours: number;
  /** The template's identity as the payload stores it, for the duplicate check. */
  template: string;
};


// The newest message with the same template to the same order and address still to be sent or
// sent within the window: the one this one would repeat.
const repeated = sql`(select o.id from ${outbox} o
  where ${sql.placeholder("duplicateWindowHours")}::int > 0 and o.order_id = ${sql.placeholder("orderId")} and o.kind = ${sql.placeholder("kind")}::outbox_kind
    and o.recipient = ${sql.placeholder("recipient")} and o.payload->'template' = ${sql.placeholder("template")}::jsonb
    and o.state in ('pending', 'sending', 'sent')
    and o.created_at > now() - make_interval(hours => ${sql.placeholder("duplicateWindowHours")}::int)
  order by o.id desc limit 1)`;

// Run with every status change that notifies anyone: built once (see compileQuery). A message
// already queued under its idempotency key is not queued again; one that repeats a recent message
// is recorded as skipped, with the message it repeats; one to be held waits its seconds.
export const insertMessage = compileQuery<{ id: number }[], QueuedMessage>(
  "outbox.insertMessage",
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
        state: sql`case when ${sql.placeholder("state")}::outbox_state = 'pending' and ${repeated} is not null then 'skipped'::outbox_state else ${sql.placeholder("state")}::outbox_state end`,
        lastError: sql`case when ${sql.placeholder("state")}::outbox_state = 'pending' and ${repeated} is not null then ${DUPLICATE_REASON} || ':' || ${repeated} else ${sql.placeholder("lastError")} end`,
        nextAttemptAt: sql`now() + make_interval(secs => ${sql.placeholder("holdSeconds")}::int)`,
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
    /** A person's change on a screen: its messages wait the shop's hold, so it can be undone unseen. */
    hold?: boolean;
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
    hold?: boolean;
  },
): Promise<number> {
  const { recipients } = input;
  if (recipients.length === 0) return 0;
  const variables = snapshotVariables(input);
  // One statement per recipient, sent together: the statement is built once and stays the same
  // whatever the number of recipients, where a multi-row insert would be built anew each time.
  const inserted = await Promise.all(
    recipients.map((r) => {
      // An SMS to a stored "phone" that is no number is recorded, never sent: the mailbox and
      // the order's history show why.
      const number = r.kind === "sms" ? smsRecipient(r.address) : undefined;
      const unsendable = number && !number.ok ? number.error.message : undefined;
      const template = { statusId: input.status.id, channel: r.kind, audience: r.audience };
      return insertMessage(tx, {
        kind: r.kind,
        orderId: input.order.id,
        eventId: input.eventId,
        recipient: r.address,
        payload: { template, locale: input.order.locale, variables },
        template: JSON.stringify(template),
        holdSeconds: input.hold ? input.settings.messageHoldSeconds : 0,
        // Customers are not told the same thing twice; the team's alerts always go.
        duplicateWindowHours: r.audience === "customer" ? input.settings.duplicateWindowHours : 0,
        idempotencyKey: `${input.keyPrefix}:${r.kind}:${r.audience}:${r.address}`,
        state: unsendable ? "dead" : "pending",
        lastError: unsendable ?? null,
      });
    }),
  );
  return inserted.filter((rows) => rows.length > 0).length;
}
