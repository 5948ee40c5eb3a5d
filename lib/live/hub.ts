import type { Listen } from "@/db";
import { ORDER_CHANGES_CHANNEL, parseOrderChange, type OrderChange } from "./order-change";

/**
 * What an open stream hears: an order changed, or the database connection was lost and is back,
 * so changes made meanwhile were not heard and the screen should read itself again.
 */
export type LiveMessage = { kind: "change"; change: OrderChange } | { kind: "resync" };
export type LiveSubscriber = (message: LiveMessage) => void;

/**
 * One LISTEN per app process, fanned out in memory to the open streams. The LISTEN starts with
 * the first stream and then stays for the life of the process (it is one idle connection).
 * `capacity` bounds the streams a process holds: each is a request kept open.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private listening?: Promise<() => Promise<void>>;
  private listens = 0;

  constructor(
    private readonly listen: Listen,
    readonly capacity: number,
  ) {}

  /** How many streams are open. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Adds a subscriber once the LISTEN stands, so nothing committed after this resolves is missed.
   * Resolves to its unsubscribe function, or null when the process already holds `capacity`
   * streams. Rejects when the LISTEN cannot be set up (the database is down).
   */
  async subscribe(subscriber: LiveSubscriber): Promise<(() => void) | null> {
    if (this.subscribers.size >= this.capacity) return null;
    // Counted at once, so concurrent requests cannot overshoot the capacity while the LISTEN starts.
    this.subscribers.add(subscriber);
    try {
      await this.start();
    } catch (error) {
      this.subscribers.delete(subscriber);
      throw error;
    }
    return () => void this.subscribers.delete(subscriber);
  }

  /** Stops listening (tests, shutdown); open subscribers hear nothing more. */
  async close(): Promise<void> {
    const listening = this.listening;
    this.listening = undefined;
    if (listening) await (await listening)();
  }

  private start(): Promise<unknown> {
    this.listening ??= this.listen(ORDER_CHANGES_CHANNEL, (payload) => this.receive(payload), () => this.listened()).catch(
      (error: unknown) => {
        // The next stream tries again.
        this.listening = undefined;
        throw error;
      },
    );
    return this.listening;
  }

  private listened() {
    // The first LISTEN is the start; every later one follows a lost connection.
    if (this.listens++ > 0) this.broadcast({ kind: "resync" });
  }

  private receive(payload: string) {
    const change = parseOrderChange(payload);
    if (change) this.broadcast({ kind: "change", change });
  }

  private broadcast(message: LiveMessage) {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(message);
      } catch {
        // One broken stream must not keep the message from the others; its own cleanup drops it.
      }
    }
  }
}
