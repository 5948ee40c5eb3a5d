import type { IncomingMessage, ServerResponse } from "node:http";
import { Webhook } from "standardwebhooks";
import { LocalHttpServer } from "./local-server";
import { errorMessage } from "@/lib/error-causes";

/**
 * What the receiver does with the next verified request: process and answer 200, fail with 500
 * before processing, process but answer only after `slowMs` (past the sender's timeout, so the
 * sender retries something already done), or answer 410 Gone.
 */
export type ReceiverBehaviour = "ok" | "500" | "slow" | "410";

export type ReceivedEvent = { webhookId: string; payload: { type: string; timestamp: string; data: Record<string, unknown> } };

/**
 * A webhook consumer as the Standard Webhooks specification asks one to be written: it verifies
 * every request with the `standardwebhooks` library and processes each `webhook-id` once,
 * answering 200 to a repeat without processing it again. Behaviours come from `script` in
 * order, then `fallback`.
 */
export class WebhookReceiver extends LocalHttpServer {
  /** Set once the endpoint (and its secret) exists. */
  secret = "";
  script: ReceiverBehaviour[] = [];
  fallback: ReceiverBehaviour = "ok";
  slowMs = 800;
  /** Processed events in order, one per webhook-id. */
  readonly processed: ReceivedEvent[] = [];
  /** Every verified request per webhook-id, repeats included. */
  readonly requestsById = new Map<string, number>();
  readonly verificationFailures: string[] = [];
  /** Every request as it arrived, so a test can check its signature against another secret. */
  readonly received: { webhookId: string; body: string; headers: Record<string, string> }[] = [];
  requestCount = 0;

  constructor() {
    super("webhook receiver");
  }

  get url(): string {
    return `${this.origin}/hooks`;
  }

  processedIds(): string[] {
    return this.processed.map((e) => e.webhookId);
  }

  /** Whether every request seen for this webhook-id carries a signature made with `secret`. */
  signedWith(webhookId: string, secret: string): boolean {
    const requests = this.received.filter((r) => r.webhookId === webhookId);
    if (requests.length === 0) throw new Error(`no request with webhook-id ${webhookId}`);
    return requests.every((r) => {
      try {
        new Webhook(secret).verify(r.body, r.headers);
        return true;
      } catch {
        return false;
      }
    });
  }

  protected async handle(req: IncomingMessage, res: ServerResponse, body: string) {
    this.requestCount += 1;
    this.received.push({ webhookId: String(req.headers["webhook-id"]), body, headers: req.headers as Record<string, string> });
    let payload: ReceivedEvent["payload"];
    try {
      payload = new Webhook(this.secret).verify(body, req.headers as Record<string, string>) as ReceivedEvent["payload"];
    } catch (error) {
      this.verificationFailures.push(errorMessage(error));
      return this.answer(res, 400, "signature does not verify");
    }
    const webhookId = String(req.headers["webhook-id"]);
    this.requestsById.set(webhookId, (this.requestsById.get(webhookId) ?? 0) + 1);

    const behaviour = this.script.shift() ?? this.fallback;
    if (behaviour === "500") return this.answer(res, 500, "temporarily broken");
    if (behaviour === "410") return this.answer(res, 410, "this hook was removed");
    const seen = this.processed.some((e) => e.webhookId === webhookId);
    if (!seen) this.processed.push({ webhookId, payload });
    if (behaviour === "slow") await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (!res.destroyed) this.answer(res, 200, seen ? "already processed" : "processed");
  }

  private answer(res: ServerResponse, status: number, text: string) {
    res.writeHead(status, { "content-type": "text/plain" }).end(text);
  }
}
