import type { SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import type { Order, OrderEvent, OrderEventType, Status } from "@/db/schema";
import type { Actor } from "./actor";

/**
 * The port through which whatever reacts to an order's change (webhooks, automation rules, and
 * whatever comes next) plugs into `lib/orders`. The reactions are listed in one wiring module,
 * `lib/order-reactions.ts`; `lib/orders` knows them only by this shape, and they know
 * `lib/orders` only by this module's types, so no circle of imports runs between them.
 */

/** One automated status change in a chain: which rule moved the order into which status. */
export type AutomationStep = { ruleId: number; statusId: number };

/**
 * What happened to an order, handed to everything that reacts to it. `depth` counts how many
 * automated changes led here (0 for a person's or a machine's own change); `chain` lists them.
 * Both are kept by the orders layer's loop (`afterOrderEvent`), which applies the effects.
 * `observe`, when someone watches the chain (the automations' dry run, a change's preview), gets
 * what the reactions note down; the loop hands it on to every change the chain makes, however deep.
 */
export type OrderEventContext = {
  order: Order;
  event: OrderEvent;
  depth: number;
  chain?: readonly AutomationStep[];
  observe?: (note: unknown) => void;
};

/** A change a reaction asks the orders layer to make: move the order into `to`, on behalf of a rule. */
export type SetStatusEffect = { type: "set_status"; to: Status; actor: Actor; ruleId: number };
export type OrderEffect = SetStatusEffect;

/** How an effect went: the order afterwards, or a refusal with a stable reason (`cycle`, `depth_limit`, ...). */
export type EffectOutcome = { ok: true; order: Order } | { ok: false; reason: string; message: string };

/**
 * A reaction at work on one event: it yields the effects it wants, gets each one's outcome back
 * before it goes on (a later action sees the order as the earlier ones left it), and returns the
 * order as it stands afterwards (nothing when it does not change it).
 */
export type ReactionSteps<T = Order | void> = AsyncGenerator<OrderEffect, T, EffectOutcome>;

export type OrderReaction = {
  /** The key of this reaction's flag in `Listeners`. */
  name: string;
  /**
   * Whether anything of this reaction listens to events of `type`, as an SQL boolean: the status
   * change selects it within its check statement, so a change nobody listens to costs no lookup.
   */
  listens(type: OrderEventType): SQL<boolean>;
  /**
   * Reads what the reaction needs for `event` (the reactions' reads are sent together) and returns
   * the work to do with it.
   */
  prepare(tx: Tx, event: OrderEvent): Promise<(context: OrderEventContext) => ReactionSteps>;
};

/** Per reaction name, whether it listens to the event at hand; a missing name counts as listening. */
export type Listeners = Record<string, boolean>;
