import { automationReaction } from "@/lib/automation/dispatch";
import { webhookReaction } from "@/lib/integrations/webhooks/enqueue";
import type { OrderReaction } from "@/lib/orders/reactions";

/**
 * The wiring: what reacts to an order's change, in the order it runs. Webhooks are queued first
 * (they report the change as it was made), then the automation rules run, and their status
 * changes come back through the orders layer. A new kind of reaction implements `OrderReaction`
 * (lib/orders/reactions.ts) and is added here; nothing in `lib/orders` changes.
 *
 * `lib/orders/after-event.ts` imports this list directly rather than having it registered at
 * start-up: the app's server code is bundled into several entry points (pages, route handlers,
 * instrumentation, the worker, scripts, tests), and a registration one of them forgot would drop
 * webhooks and rules without a word. An import cannot be forgotten.
 */
export const ORDER_REACTIONS: readonly OrderReaction[] = [webhookReaction, automationReaction];
