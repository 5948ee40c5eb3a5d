import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Webhook } from "standardwebhooks";

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
export class WebhookReceiver {
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
  requestCount = 0;
  private server?: Server;
  private sockets = new Set<Socket>();

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("webhook receiver is not listening");
    return `http://127.0.0.1:${address.port}/hooks`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  processedIds(): string[] {
    return this.processed.map((e) => e.webhookId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requestCount += 1;
    const body = Buffer.concat(chunks).toString("utf8");
    let payload: ReceivedEvent["payload"];
    try {
      payload = new Webhook(this.secret).verify(body, req.headers as Record<string, string>) as ReceivedEvent["payload"];
    } catch (error) {
      this.verificationFailures.push(error instanceof Error ? error.message : String(error));
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
