import { and, asc, eq, gt, gte } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { inOwnTransaction } from "@/db/transaction";
import { orderEvents, outbox, statuses, type OutboxRow, type Settings } from "@/db/schema";
import type { RuleTrace } from "@/lib/automation/trace";
import { nameIn } from "@/lib/i18n/name-in";
import { languageOfMessage, templateOfMessage, type OutboxPayload } from "@/lib/notifications/message-template";
import { renderSubject } from "@/lib/notifications/render";
import { transitionOrder, transitionOrderByNumber, type TransitionInput, type TransitionOutcome } from "@/lib/orders";
import type { Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import type { ChangeEffects, MessageFate, PreviewMessage, PreviewMove, PreviewWebhook } from "./types";

/**
 * A change as a screen would make it: the order (by id, or by number as scan and the API know
 * it), the target status, and everything else exactly as `transitionOrder` takes it.
 */
export type PreviewChangeInput = Omit<TransitionInput, "orderId" | "orderNumber"> &
  ({ orderId: number } | { orderNumber: string }) & {
    /** The reader's language, for the names of the statuses the rules would move the order to. */
    locale?: string;
  };

export type PreviewOptions = {
  /** Fill in each email's subject (a template lookup per email); a bulk preview, which counts, does without. */
  subjects?: boolean;
};

/**
 * What a status change would do, found by doing it: the real `transitionOrder`, with the input the
 * real change would get, runs in a transaction of its own that is never kept (a savepoint inside a
 * caller's), and the effects are read from what it wrote before it is rolled back: the outbox rows
 * (customer emails and SMS, the team's alerts, webhook deliveries; a repeat shows as skipped), the
 * rules' notes, and the status changes the rules made. Preview and reality cannot disagree, for
 * they are the same code. A refused change answers with its refusal, as the change itself would.
 * Ids drawn from sequences stay drawn (a gap, as any rolled-back change leaves).
 */
export function previewStatusChange(db: DbOrTx, input: PreviewChangeInput, options: PreviewOptions = {}): Promise<Result<ChangeEffects>> {
  return inOwnTransaction(db, (tx) => previewIn(tx, input, options), () => false);
}

async function previewIn(tx: Tx, input: PreviewChangeInput, options: PreviewOptions): Promise<Result<ChangeEffects>> {
  const { locale, ...rest } = input;
  const rules: RuleTrace[] = [];
  const watch = { observe: (note: unknown) => rules.push(note as RuleTrace) };
  const change = withoutOrder(rest);
  const result =
    "orderId" in rest
      ? await transitionOrder(tx, { ...change, orderId: rest.orderId }, watch)
      : await transitionOrderByNumber(tx, { ...change, number: rest.orderNumber }, watch);
  if (!result.ok) return result;
  const [messages, webhooks, moves] = await readWhatItWrote(tx, result.value, { locale, subjects: options.subjects ?? true });
  return {
    ok: true,
    value: {
      orderNumber: result.value.order.number,
      messages,
      webhooks,
      rules: rules.filter((r) => r.matched).map(({ ruleId, ruleName, depth, actions }) => ({ ruleId, ruleName, depth, actions })),
      moves,
    },
  };
}

function withoutOrder<T extends object>(input: T): Omit<T, "orderId" | "orderNumber"> {
  const { orderId: _id, orderNumber: _number, ...rest } = input as T & { orderId?: unknown; orderNumber?: unknown };
  return rest;
}

/**
 * The rows the change and its chain wrote for the order: everything from its history row on (a
 * rule's message carries the id of the event that fired it, a rule's change a later one).
 */
async function readWhatItWrote(
  tx: Tx,
  { order, event }: TransitionOutcome,
  options: { locale?: string; subjects: boolean },
): Promise<[PreviewMessage[], PreviewWebhook[], PreviewMove[]]> {
  const [rows, moved, settings] = await Promise.all([
    tx
      .select({ kind: outbox.kind, eventId: outbox.eventId, recipient: outbox.recipient, payload: outbox.payload, state: outbox.state })
      .from(outbox)
      .where(and(eq(outbox.orderId, order.id), gte(outbox.eventId, event.id)))
      .orderBy(asc(outbox.id)),
    tx
      .select({ statusId: statuses.id, name: statuses.name, translations: statuses.translations, ruleName: orderEvents.actorLabel })
      .from(orderEvents)
      .innerJoin(statuses, eq(statuses.id, orderEvents.toStatusId))
      .where(and(eq(orderEvents.orderId, order.id), gt(orderEvents.id, event.id), eq(orderEvents.type, "status_changed")))
      .orderBy(asc(orderEvents.id)),
    getSettings(tx),
  ]);
  const messages = await Promise.all(
    rows.filter((row) => row.kind !== "webhook").map((row) => describeMessage(tx, row, settings, options.subjects)),
  );
  const moves = moved.map(({ statusId, name, translations, ruleName }) => ({
    statusId,
    statusName: options.locale ? nameIn({ name, translations }, options.locale) : name,
    ruleName,
  }));
  return [messages, countWebhooks(rows), moves];
}

type MessageRow = Pick<OutboxRow, "kind" | "recipient" | "payload" | "state">;

async function describeMessage(
  tx: Tx,
  row: MessageRow,
  settings: Settings,
  subjects: boolean,
): Promise<PreviewMessage> {
  const channel = row.kind === "sms" ? "sms" : "email";
  const payload = row.payload as OutboxPayload;
  let subject: string | null = null;
  if (channel === "email" && subjects) {
    const { template, variables } = await templateOfMessage(tx, row, settings);
    subject = renderSubject(template, variables);
  }
  return { channel, ...languageOfMessage(payload, settings), to: row.recipient, subject, fate: fateOf(row.state) };
}

function fateOf(state: OutboxRow["state"]): MessageFate {
  if (state === "skipped" || state === "cancelled") return "skipped";
  return state === "dead" ? "unsendable" : "send";
}

/** Webhook deliveries per event announced: one entry per event and type, with its endpoints counted. */
function countWebhooks(rows: Pick<OutboxRow, "kind" | "eventId" | "payload">[]): PreviewWebhook[] {
  const byEvent = new Map<string, PreviewWebhook>();
  for (const row of rows) {
    if (row.kind !== "webhook") continue;
    const type = String((row.payload as { type?: unknown }).type ?? "");
    const key = `${row.eventId}:${type}`;
    const entry = byEvent.get(key) ?? { type, endpoints: 0 };
    entry.endpoints += 1;
    byEvent.set(key, entry);
  }
  return [...byEvent.values()];
}
