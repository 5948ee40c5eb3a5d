import type { ActorType, OrderEventType, OrderItem, ShippingAddress } from "@/db/schema";
import {
  allowedTargets,
  evaluateTransition,
  isTerminal,
  type WorkflowDefinition,
  type WorkflowStatus,
} from "@/lib/workflow";
import {
  COURIERS,
  SHIPPING_METHOD,
  demoCompany,
  demoItems,
  demoPerson,
  demoTrackingNumber,
  type Courier,
} from "./demo-data";
import type { Random } from "./random";

const VERSIONED_EVENTS: ReadonlySet<string> = new Set(["status_changed", "payment_recorded", "tracking_updated"]);

/*
 * One demo order and its history, generated in memory. The history is a random walk along the
 * order type's matrix in which every step is approved by the workflow engine, so the demo data
 * never shows an order somewhere the rules would not have let it go.
 */

export type DemoActor = { type: ActorType; id: string | null; label: string };

export type DemoOrderType = {
  id: number;
  code: string;
  wholesale: boolean;
  def: WorkflowDefinition;
  /** Typical hours an order waits in each status before the next step, by status id. */
  meanDwellHours: Map<number, number>;
};

export type DemoEvent = {
  type: OrderEventType;
  fromStatusId: number | null;
  toStatusId: number | null;
  actor: DemoActor;
  customerVisible: boolean;
  data: Record<string, unknown>;
  /** Epoch milliseconds. */
  at: number;
};

export type DemoOrder = {
  orderTypeId: number;
  statusId: number;
  statusChangedAt: number;
  version: number;
  channel: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  locale: "pl" | "en";
  currency: "PLN";
  total: number;
  paymentMethod: string;
  paidAt: number | null;
  paidAmount: number;
  shippingMethod: string;
  courier: string | null;
  trackingNumber: string | null;
  trackingToken: string;
  shippingAddress: ShippingAddress;
  items: OrderItem[];
  createdAt: number;
  updatedAt: number;
  events: DemoEvent[];
};

export type DemoContext = {
  retail: DemoOrderType;
  wholesale: DemoOrderType;
  /** Staff who change statuses by hand (the demo accounts). */
  staff: DemoActor[];
  system: DemoActor;
  /** No event is dated after this (epoch ms). */
  now: number;
};

const HOUR = 3_600_000;
const MINUTE = 60_000;
const MAX_STEPS = 30;
const STOP = Symbol("stop");
type Choice = WorkflowStatus | typeof STOP;

type WalkState = {
  statusId: number;
  paid: boolean;
  paymentMethod: string;
  courier: Courier;
};

function pickChannel(rng: Random, wholesale: boolean): string {
  if (wholesale) return rng.weighted([["b2b", 8], ["phone", 2]] as const) ?? "b2b";
  return rng.weighted([["shop", 55], ["allegro", 35], ["phone", 10]] as const) ?? "shop";
}

function pickPaymentMethod(rng: Random, channel: string): string {
  const options: Record<string, readonly (readonly [string, number])[]> = {
    shop: [["card", 50], ["transfer", 30], ["cod", 20]],
    allegro: [["card", 78], ["cod", 22]],
    phone: [["transfer", 55], ["cod", 45]],
    b2b: [["transfer", 88], ["card", 6], ["cod", 6]],
  };
  return rng.weighted(options[channel] ?? options.shop ?? []) ?? "transfer";
}

function pickCourier(rng: Random, wholesale: boolean): Courier {
  const weights: readonly (readonly [Courier, number])[] = wholesale
    ? [["dpd", 45], ["dhl", 40], ["poczta_polska", 10], ["inpost", 5]]
    : [["inpost", 50], ["dpd", 18], ["dhl", 12], ["poczta_polska", 20]];
  return rng.weighted(weights) ?? rng.pick(COURIERS);
}

/**
 * How likely the walk is to take a step: mostly forward, rarely cancelled, and never into
 * "awaiting payment" for an order that has nothing left to pay.
 */
function stepWeight(state: WalkState, from: WorkflowStatus, to: WorkflowStatus): number {
  if (to.groupKind === "not_completed") return 0.015;
  if (to.awaitsPayment) return state.paid || state.paymentMethod === "cod" ? 0 : 8;
  if (to.code.startsWith("courier_")) return to.code === `courier_${state.courier}` ? 1 : 0;
  if (to.code.startsWith("complaint_pending")) return 0.03;
  return 1;
}

/** Whether money arrives in time for a payment-gated step the walk wants to take. */
function paymentArrives(rng: Random, state: WalkState, from: WorkflowStatus): boolean {
  // Cash on delivery reaches the gate only at closing, once the courier has remitted the money.
  if (state.paymentMethod === "cod") return rng.chance(0.95);
  if (from.awaitsPayment) return rng.chance(0.85);
  return rng.chance(state.paymentMethod === "card" ? 0.7 : 0.25);
}

function pickActor(rng: Random, ctx: DemoContext): DemoActor {
  if (ctx.staff.length === 0 || rng.chance(0.12)) return ctx.system;
  return rng.pick(ctx.staff);
}

const statusIndexes = new WeakMap<WorkflowDefinition, Map<number, WorkflowStatus>>();

function statusIndex(def: WorkflowDefinition): Map<number, WorkflowStatus> {
  let index = statusIndexes.get(def);
  if (!index) {
    index = new Map(def.statuses.map((s) => [s.id, s] as const));
    statusIndexes.set(def, index);
  }
  return index;
}

/** A moment after the last event and before `next`, so the history stays in order. */
function midpoint(events: DemoEvent[], next: number): number {
  const lastAt = events[events.length - 1]?.at ?? next - MINUTE;
  return lastAt + (next - lastAt) / 2;
}

export type GenerateInput = {
  rng: Random;
  ctx: DemoContext;
  createdAt: number;
  trackingToken: string;
};

export function generateDemoOrder({ rng, ctx, createdAt, trackingToken }: GenerateInput): DemoOrder {
  const wholesale = rng.chance(0.2);
  const type = wholesale ? ctx.wholesale : ctx.retail;
  const { def } = type;
  const byId = statusIndex(def);
  const statusOf = (id: number): WorkflowStatus => {
    const s = byId.get(id);
    if (!s) throw new Error(`order type ${type.code}: status ${id} is not in its definition`);
    return s;
  };

  const channel = pickChannel(rng, wholesale);
  const english = rng.chance(wholesale ? 0.04 : 0.1);
  const customer = wholesale ? demoCompany(rng) : demoPerson(rng, english);
  const items = demoItems(rng, wholesale);
  const total = items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);
  const state: WalkState = {
    statusId: def.initialStatusId,
    paid: false,
    paymentMethod: pickPaymentMethod(rng, channel),
    courier: pickCourier(rng, wholesale),
  };

  const events: DemoEvent[] = [];
  let paidAt: number | null = null;
  let trackingNumber: string | null = null;
  let courier: string | null = null;
  let statusChangedAt = createdAt;
  let t = createdAt;

  events.push({
    type: "created",
    fromStatusId: null,
    toStatusId: def.initialStatusId,
    actor: channel === "phone" ? pickActor(rng, ctx) : ctx.system,
    customerVisible: false,
    data: { channel },
    at: t,
  });

  const recordPayment = (at: number, actor: DemoActor) => {
    state.paid = true;
    paidAt = at;
    events.push({
      type: "payment_recorded",
      fromStatusId: null,
      toStatusId: null,
      actor,
      customerVisible: false,
      data: { amount: total, paidAmount: total, total, fullyPaid: true, method: state.paymentMethod },
      at,
    });
  };

  // Card payments go through the payment gateway at checkout; most succeed straight away.
  if (state.paymentMethod === "card" && rng.chance(0.9)) {
    const at = t + rng.int(1, 15) * MINUTE;
    if (at < ctx.now) {
      recordPayment(at, ctx.system);
      t = at;
    }
  }

  for (let step = 0; step < MAX_STEPS; step++) {
    const from = statusOf(state.statusId);
    const targets = allowedTargets(def, from.id);
    if (targets.length === 0) break;
    // Now and then an order simply sits: these are the late ones the board shows.
    if (!isTerminal(from.groupKind) && rng.chance(0.02)) break;

    const mean = type.meanDwellHours.get(from.id) ?? 12;
    const next = t + Math.max(3 * MINUTE, Math.round(rng.exponential(mean * HOUR)));
    if (next >= ctx.now) break;

    const options: [Choice, number][] = targets.map((to) => [to, stepWeight(state, from, to)]);
    // Closed orders usually stay closed; a few come back (complaints, returns).
    if (isTerminal(from.groupKind)) options.push([STOP, 1]);

    let chosen: WorkflowStatus | undefined;
    while (chosen === undefined) {
      const pick = rng.weighted(options);
      if (pick === undefined || pick === STOP) break;
      const verdict = evaluateTransition(
        def,
        { statusId: state.statusId, paid: state.paid, paymentMethod: state.paymentMethod },
        pick.id,
      );
      if (verdict.ok) {
        chosen = pick;
        break;
      }
      if (verdict.code !== "guard_failed" || verdict.reason !== "payment_required") {
        throw new Error(`demo walk asked for a refused step: ${verdict.message}`);
      }
      if (paymentArrives(rng, state, from)) {
        // The money comes in while the order waits, and then the step is taken.
        const at = t + Math.max(MINUTE, Math.round((next - t) * (0.2 + rng.next() * 0.6)));
        recordPayment(at, state.paymentMethod === "card" ? ctx.system : pickActor(rng, ctx));
        const retry = evaluateTransition(
          def,
          { statusId: state.statusId, paid: state.paid, paymentMethod: state.paymentMethod },
          pick.id,
        );
        if (!retry.ok) throw new Error(`demo walk: still refused after payment: ${retry.message}`);
        chosen = pick;
        break;
      }
      // No money yet: this way is closed. A shop cancels most orders left unpaid for days; the
      // rest keep waiting.
      const index = options.findIndex(([o]) => o === pick);
      options.splice(index, 1);
      if (from.awaitsPayment) {
        for (const option of options) {
          if (option[0] !== STOP && option[0].groupKind === "not_completed") option[1] = 2;
        }
        if (!options.some(([o]) => o === STOP)) options.push([STOP, 1]);
      }
    }
    if (!chosen) break;

    if (chosen.code === "shipped" && trackingNumber === null) {
      // Staff enter the tracking number just before marking the parcel as shipped.
      courier = state.courier;
      trackingNumber = demoTrackingNumber(rng, state.courier);
      events.push({
        type: "tracking_updated",
        fromStatusId: null,
        toStatusId: null,
        actor: pickActor(rng, ctx),
        customerVisible: false,
        data: { courier, trackingNumber },
        at: Math.round(midpoint(events, next)),
      });
    }

    events.push({
      type: "status_changed",
      fromStatusId: from.id,
      toStatusId: chosen.id,
      actor: pickActor(rng, ctx),
      customerVisible: false,
      data: {},
      at: next,
    });
    state.statusId = chosen.id;
    statusChangedAt = next;
    t = next;
  }

  const last = events[events.length - 1];
  return {
    orderTypeId: type.id,
    statusId: state.statusId,
    statusChangedAt,
    // Every change of the order's state bumps the version, as the services do: status changes,
    // payments and tracking updates.
    version: 1 + events.filter((e) => VERSIONED_EVENTS.has(e.type)).length,
    channel,
    customerName: customer.name,
    customerEmail: customer.email,
    customerPhone: customer.phone,
    locale: english ? "en" : "pl",
    currency: "PLN",
    total,
    paymentMethod: state.paymentMethod,
    paidAt,
    paidAmount: paidAt === null ? 0 : total,
    shippingMethod: SHIPPING_METHOD[state.courier],
    courier,
    trackingNumber,
    trackingToken,
    shippingAddress: customer.address,
    items,
    createdAt,
    updatedAt: last ? last.at : createdAt,
    events,
  };
}
