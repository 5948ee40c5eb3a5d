import type { IncomingMessage, ServerResponse } from "node:http";
import { LocalHttpServer } from "./local-server";

/**
 * What the fake does with the next request: answer, fail, hang or hang up. `accept_then_hang`
 * records the email (as if Resend had sent it) and never answers: the client times out and must
 * retry with the same key, which then gets the first send's answer.
 */
export type FakeBehaviour = "ok" | "500" | "429" | "timeout" | "drop" | "accept_then_hang";

/** Random faults: each request fails with probability `failRate`, hangs with `hangRate`. */
export type FakeFaults = { failRate: number; hangRate: number; random: () => number };

type Attachment = { filename: string; content: string; content_type?: string };
type Delivery = { id: string; from: string; replyTo?: string; to: string[]; subject: string; html: string; attachments: Attachment[]; requests: number };

/**
 * A local stand-in for Resend's HTTP API (POST /emails) that honours Idempotency-Key like the
 * real one (a repeated key returns the first response and sends nothing) and can fail on purpose.
 * Behaviours are taken from `script` in order, then `fallback`.
 */
export class FakeResend extends LocalHttpServer {
  readonly deliveries = new Map<string, Delivery>();
  readonly requestsWithoutKey: number[] = [];
  script: FakeBehaviour[] = [];
  fallback: FakeBehaviour = "ok";
  /** When set, requests past the script draw their behaviour at random instead of `fallback`. */
  faults?: FakeFaults;
  /** Called on every request before it is answered (e.g. to kill a worker mid-send). */
  onRequest?: (key: string) => void;
  requestCount = 0;
  /** When each request to /emails arrived (ms, `performance.now()`): what a rate limit is checked on. */
  readonly requestTimes: number[] = [];
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  /** How long the fake takes to answer (as a real provider does), so sends overlap when sent side by side. */
  delayMs = 0;
  private nextId = 1;

  constructor() {
    super("fake Resend");
  }

  get url(): string {
    return this.origin;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse, text: string) {
    this.requestCount += 1;
    const key = String(req.headers["idempotency-key"] ?? "");
    if (req.method !== "POST" || req.url !== "/emails") return this.json(res, 404, { name: "not_found", message: "Not found", statusCode: 404 });
    if (!key) this.requestsWithoutKey.push(this.requestCount);
    this.requestTimes.push(performance.now());
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // Until the answer is written or the client gave up (a hang ends when the client times out).
    let done = false;
    const settle = () => (done ? undefined : ((done = true), (this.inFlight -= 1)));
    res.once("finish", settle).once("close", settle);
    this.onRequest?.(key);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));

    const behaviour = this.script.shift() ?? this.drawFault() ?? this.fallback;
    if (behaviour === "drop") return req.socket.destroy();
    if (behaviour === "timeout") return; // never answer; the client's timeout must fire
    if (behaviour === "500") return this.json(res, 500, { name: "internal_server_error", message: "Boom", statusCode: 500 });
    if (behaviour === "429") {
      res.setHeader("Retry-After", "2");
      return this.json(res, 429, { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 });
    }

    const body = JSON.parse(text) as { from: string; reply_to?: string; to: string[]; subject: string; html: string; attachments?: Attachment[] };
    const existing = this.deliveries.get(key);
    if (existing) {
      existing.requests += 1;
      if (behaviour === "accept_then_hang") return;
      return this.json(res, 200, { id: existing.id });
    }
    const id = `fake-${this.nextId++}`;
    this.deliveries.set(key, { id, from: body.from, replyTo: body.reply_to, to: body.to, subject: body.subject, html: body.html, attachments: body.attachments ?? [], requests: 1 });
    if (behaviour === "accept_then_hang") return;
    return this.json(res, 200, { id });
  }

  /**
   * The most requests that arrived within any `windowMs` (from one request's arrival on): a rate
   * limit of R a second holds when no window of 1000 − 1000/R ms (one spacing shorter than a
   * second, for the jitter of arrival times) saw more than R.
   */
  mostRequestsWithin(windowMs: number, since = 0): number {
    const times = this.requestTimes.slice(since);
    let most = 0;
    for (let first = 0, last = 0; first < times.length; first++) {
      while (last < times.length && times[last]! < times[first]! + windowMs) last++;
      most = Math.max(most, last - first);
    }
    return most;
  }

  /** Half of the hangs happen after the email was accepted: the worst case for a retry. */
  private drawFault(): FakeBehaviour | undefined {
    if (!this.faults) return undefined;
    const { failRate, hangRate, random } = this.faults;
    const draw = random();
    if (draw < failRate) return "500";
    if (draw < failRate + hangRate / 2) return "timeout";
    if (draw < failRate + hangRate) return "accept_then_hang";
    return "ok";
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }
}
