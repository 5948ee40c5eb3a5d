import type { ActionOutcome } from "@/lib/automation/trace";
import type { ChangeOutcome } from "@/lib/change-outcome";

/**
 * What a status change would do, as `previewStatusChange` read it from the change it made and
 * never kept: plain data for the screens, which word it from the catalogue.
 */
export type ChangeEffects = {
  orderNumber: string;
  /** Every email and SMS the change queues, the rules' own included, in the order queued. */
  messages: PreviewMessage[];
  /** The webhook deliveries, one entry per event announced (a rule's change announces its own). */
  webhooks: PreviewWebhook[];
  /** The automation rules that would fire (their conditions held), however deep the chain. */
  rules: PreviewRule[];
  /** The status changes the rules would make after this one, in order. */
  moves: PreviewMove[];
};

/**
 * `send`: it goes (after the shop's undo hold); `skipped`: the same message went to the same
 * address shortly before, so it is recorded and not sent; `unsendable`: recorded, never sent (a
 * stored "phone" that is no number).
 */
export type MessageFate = "send" | "skipped" | "unsendable";

export type PreviewMessage = {
  channel: "email" | "sms";
  /** `admin`: an alert to the shop's people. */
  audience: "customer" | "admin";
  /** The address or number, as the order page shows it. */
  to: string;
  /** The language it is written in ("pl", "en"). */
  locale: string;
  /** An email's subject as the worker will write it (filled in with the order's values); none for an SMS. */
  subject: string | null;
  fate: MessageFate;
};

export type PreviewWebhook = { type: string; endpoints: number };

export type PreviewRule = { ruleId: number; ruleName: string; depth: number; actions: ActionOutcome[] };

export type PreviewMove = { statusId: number; statusName: string; ruleName: string };

/** Why an order of a bulk change would not change (`ChangeOutcome` without "changed"). */
export type RefusedOutcome = Exclude<ChangeOutcome, "changed">;

/** What a bulk change would do, as counts over the orders it would change. */
export type BulkEffects = {
  orders: number;
  changing: number;
  refused: Partial<Record<RefusedOutcome, number>>;
  /** Customer emails and SMS that go, alerts to the shop's people that go, and messages recorded but not sent. */
  emails: number;
  sms: number;
  alerts: number;
  notSent: number;
  /** Webhook deliveries (events times endpoints). */
  webhooks: number;
  /** Per rule, on how many of the orders it would fire. */
  rules: { ruleName: string; orders: number }[];
};
