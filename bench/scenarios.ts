import { analyticsScenario } from "./analytics";
import { apiScenario } from "./api";
import { boardScenario } from "./board";
import { bulkScenario } from "./bulk";
import { orderPageScenario } from "./order-page";
import { outboxScenario } from "./outbox";
import { searchScenario } from "./search";
import { sessionScenario } from "./session";
import { trackingScenario } from "./tracking";
import { transitionScenario } from "./transition";
import type { Scenario } from "./types";

/**
 * Every benchmark `npm run bench` knows, in the order a full run takes them: database-only ones
 * first, then those that need `next start`, which the runner starts once for all of them.
 * A new scenario exports a `Scenario` and is added to this list.
 */
export const SCENARIOS: Scenario[] = [
  transitionScenario,
  bulkScenario,
  sessionScenario,
  boardScenario,
  searchScenario,
  orderPageScenario,
  analyticsScenario,
  trackingScenario,
  apiScenario,
  outboxScenario,
];
