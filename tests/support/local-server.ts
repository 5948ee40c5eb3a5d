import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * The HTTP side of a local stand-in for an outside service: `start()` listens on a free port of
 * 127.0.0.1, `stop()` cuts every open connection (hanging requests included) and closes. A
 * subclass answers each request in `handle`, given its whole body as text.
 */
export abstract class LocalHttpServer {
  private server?: Server;
  private sockets = new Set<Socket>();

  /** `label` names the stand-in in the error thrown when its address is asked before `start()`. */
  constructor(private readonly label: string) {}

  /** `http://127.0.0.1:<port>`, once listening. */
  protected get origin(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error(`${this.label} is not listening`);
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.receive(req, res));
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

  protected abstract handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<unknown>;

  private async receive(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await this.handle(req, res, Buffer.concat(chunks).toString("utf8"));
  }
}
