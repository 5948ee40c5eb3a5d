import type { LiveHub, LiveMessage } from "./hub";

/** A comment line every so often keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;
/**
 * A stream ends (with `bye`) after this long and the browser opens a new one at once: the new
 * request checks the session again, so a person signed out or disabled stops hearing changes.
 */
export const STREAM_MAX_AGE_MS = 10 * 60_000;

export type ChangeStreamOptions = {
  hub: LiveHub;
  /** Only changes of these order types; undefined: every type. */
  orderTypeIds?: readonly number[];
  /** The newest history entry's id when the stream starts: the screen compares it with its own. */
  readStamp: () => Promise<number>;
  /** The request's: aborted when the browser goes. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
};

/** One server-sent event: its name and a JSON body. */
export function sseEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

function encodeMessage(message: LiveMessage, orderTypeIds: ReadonlySet<number> | undefined): string | null {
  if (message.kind === "resync") return sseEvent("resync", {});
  if (orderTypeIds && !orderTypeIds.has(message.change.orderTypeId)) return null;
  return sseEvent("change", message.change);
}

/**
 * The body of a `text/event-stream` answer: `ready` with the current stamp, then a `change` per
 * committed history entry of the order types asked for, `resync` after the database connection
 * was lost, a heartbeat comment every `heartbeatMs` and `bye` before it ends at `maxAgeMs`.
 * Subscribed before the stamp is read, so a change committed in between is sent rather than lost.
 * Null when the process holds as many streams as it may.
 */
export async function openChangeStream(options: ChangeStreamOptions): Promise<ReadableStream<Uint8Array> | null> {
  const { hub, signal, heartbeatMs = HEARTBEAT_MS, maxAgeMs = STREAM_MAX_AGE_MS } = options;
  const types = options.orderTypeIds ? new Set(options.orderTypeIds) : undefined;
  const encoder = new TextEncoder();
  // Until the stream starts, what arrives waits here, behind `ready`.
  const waiting: string[] = [];
  let write = (text: string) => void waiting.push(text);
  const unsubscribe = await hub.subscribe((message) => {
    const text = encodeMessage(message, types);
    if (text) write(text);
  });
  if (!unsubscribe) return null;
  let stamp: number;
  try {
    stamp = await options.readStamp();
  } catch (error) {
    unsubscribe();
    throw error;
  }

  const timers: ReturnType<typeof setTimeout>[] = [];
  let ended = false;
  const finish = () => {
    if (ended) return false;
    ended = true;
    unsubscribe();
    for (const timer of timers) clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
    return true;
  };
  let onAbort = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      write = (text) => {
        if (!ended) controller.enqueue(encoder.encode(text));
      };
      write(sseEvent("ready", { stamp }));
      for (const text of waiting.splice(0)) write(text);
      const close = () => {
        if (finish()) controller.close();
      };
      onAbort = close;
      if (signal.aborted) return close();
      signal.addEventListener("abort", onAbort);
      timers.push(setInterval(() => write(": heartbeat\n\n"), heartbeatMs));
      timers.push(
        setTimeout(() => {
          write(sseEvent("bye", {}));
          close();
        }, maxAgeMs),
      );
    },
    cancel() {
      finish();
    },
  });
}
