import "server-only";
import { getDbHandle } from "@/db";
import { env } from "@/lib/env";
import { LiveHub } from "./hub";

// One hub, and so one LISTEN connection, per process: on globalThis, like the database handle,
// so a module reload in development does not open a second one.
const globalForLive = globalThis as unknown as { orderlyLiveHub?: LiveHub };

/** The process's hub, listening on the application's database. */
export function getLiveHub(): LiveHub {
  globalForLive.orderlyLiveHub ??= new LiveHub(
    async (channel, onPayload, onListen) => (await getDbHandle()).listen(channel, onPayload, onListen),
    env().LIVE_MAX_STREAMS,
  );
  return globalForLive.orderlyLiveHub;
}
