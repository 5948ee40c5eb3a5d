import type { IncomingMessage, ServerResponse } from "node:http";
import { LocalHttpServer } from "./local-server";

/**
 * What the fake does with the next request: answer, fail, hang or hang up. `accept_then_hang`
 * records the email (as if Resend had sent it) and never answers: the client times out and must
 * retry with the same key, which then gets the first send's answer. `422`: refused as invalid,
 * nothing sent (a batch in strict validation, Resend's default, is refused whole).
 */
export type FakeBehaviour = "ok" | "500" | "429" | "422" | "timeout" | "drop" | "accept_then_hang";

/** Random faults: each request fails with probability `failRate`, hangs with `hangRate`. */
export type FakeFaults = { failRate: number; hangRate: number; random: () => number };

type Attachment = { filename: string; content: string; content_type?: string };
type Delivery = { id: string; from: string; replyTo?: string; to: string[]; subject: string; html: string; attachments: Attachment[]; requests: number };
type EmailBody = { from: string; reply_to?: string; to: string[]; subject: string; html: string; attachments?: Attachment[] };
/** A batch accepted under its key: the emails' ids in order, and what the request carried. */
type AcceptedBatch = { ids: string[]; body: string; requests: number };

/**
 * A local stand-in for Resend's HTTP API (POST /emails, POST /emails/batch) that honours
 * Idempotency-Key like the real one (a repeated key with the same request returns the first
 * response and sends nothing; with another request, 409) and can fail on purpose. Behaviours are
 * taken from `script` in order, then `fallback`, for single and batch requests alike. A batch is
 * validated strictly: one email without a valid address refuses it whole (422). Each email of an
 * accepted batch is one delivery, under `<batch key>#<index>`.
 */
export class FakeResend extends LocalHttpServer {
  readonly deliveries = new Map<string, Delivery>();
  readonly batches = new Map<string, AcceptedBatch>();
  readonly requestsWithoutKey: number[] = [];
  script: FakeBehaviour[] = [];
  fallback: FakeBehaviour = "ok";
  /** When set, requests past the script draw their behaviour at random instead of `fallback`. */
  faults?: FakeFaults;
  /** Called on every request before it is answered (e.g. to kill a worker mid-send). */
  onRequest?: (key: string) => void;
  requestCount = 0;
  /** When each request arrived (ms, `performance.now()`): what a rate limit is checked on. */
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
    const batch = req.url === "/emails/batch";
    if (req.method !== "POST" || (req.url !== "/emails" && !batch)) return this.json(res, 404, { name: "not_found", message: "Not found", statusCode: 404 });
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
    if (behaviour === "422") return this.json(res, 422, { name: "validation_error", message: "Invalid request", statusCode: 422 });
    const answer = batch ? this.acceptBatch(key, text) : this.acceptEmail(key, JSON.parse(text) as EmailBody);
    if (behaviour === "accept_then_hang") return;
    return this.json(res, answer.status, answer.body);
  }

  private acceptEmail(key: string, body: EmailBody) {
    const existing = this.deliveries.get(key);
    if (existing) {
      existing.requests += 1;
      return { status: 200, body: { id: existing.id } };
    }
    return { status: 200, body: { id: this.deliver(key, body) } };
  }

  private acceptBatch(key: string, text: string) {
    const existing = this.batches.get(key);
    if (existing) {
      existing.requests += 1;
      if (existing.body !== text) return { status: 409, body: { name: "invalid_idempotent_request", message: "Same key, other request", statusCode: 409 } };
      return { status: 200, body: { data: existing.ids.map((id) => ({ id })) } };
    }
    const emails = JSON.parse(text) as EmailBody[];
    if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100 || emails.some((e) => !e.to?.every((to) => to.includes("@")))) {
      return { status: 422, body: { name: "validation_error", message: "Invalid batch", statusCode: 422 } };
    }
    const ids = emails.map((email, i) => this.deliver(`${key}#${i}`, email));
    this.batches.set(key, { ids, body: text, requests: 1 });
    return { status: 200, body: { data: ids.map((id) => ({ id })) } };
  }

  private deliver(key: string, body: EmailBody): string {
    const id = `fake-${this.nextId++}`;
    this.deliveries.set(key, { id, from: body.from, replyTo: body.reply_to, to: body.to, subject: body.subject, html: body.html, attachments: body.attachments ?? [], requests: 1 });
    return id;
  }

  /** Every email delivered, whether alone or in a batch: what a customer's inbox would hold. */
  deliveriesTo(recipient: string): Delivery[] {
    return [...this.deliveries.values()].filter((d) => d.to.includes(recipient));
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
