import { randomUUID } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { resolveClientAddress } from "./resolve";

/**
 * Route handlers never see the socket, and Next fills X-Forwarded-For with the socket's address
 * only when the request brought none, so a client-sent header would hide the real peer. The
 * server process therefore writes the resolved address into a header of our own as each request
 * arrives, before Next reads it, replacing any copy the client sent. The value carries a secret
 * made per process: should the stamp ever not be installed (another runtime, a custom server),
 * a header a client typed is still not believed.
 */
export const CLIENT_ADDRESS_HEADER = "x-orderly-client-address";

type StampState = { secret: string; installed: boolean };

// On globalThis: instrumentation and the route bundles are separate module instances in one process.
function state(): StampState {
  const holder = globalThis as unknown as { orderlyClientAddressStamp?: StampState };
  holder.orderlyClientAddressStamp ??= { secret: randomUUID(), installed: false };
  return holder.orderlyClientAddressStamp;
}

export function stampClientAddress(request: IncomingMessage, trustedHops: number): void {
  const address = resolveClientAddress(
    { forwardedFor: request.headers["x-forwarded-for"], socketAddress: request.socket?.remoteAddress },
    trustedHops,
  );
  request.headers[CLIENT_ADDRESS_HEADER] = `${state().secret} ${address}`;
}

/**
 * Stamps every request of every HTTP(S) server in this process, including the one `next start`
 * or `next dev` already created: the wrap sits on the prototype's `emit`, ahead of the
 * server's own 'request' listener.
 */
export function installClientAddressStamp(trustedHops: number): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampClientAddress(args[0] as IncomingMessage, trustedHops);
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
}

/** The stamped client address of a request, or "unknown" when it carries no genuine stamp. */
export function clientAddressOf(headers: Headers): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER) ?? "";
  const [secret, address] = value.split(" ");
  return secret === state().secret && address ? address : "unknown";
}
