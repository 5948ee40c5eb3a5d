import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { checkWebhookTarget, hostOf, pinnedLookup, type Resolver, type UrlRefusal } from "./url-policy";

export type PostOutcome = {
  /** Undefined when no answer came (timeout, refused connection, private address). */
  status?: number;
  /** The start of the answer, capped: enough to see why a receiver refused. */
  body?: string;
  retryAfter?: string;
  error?: string;
  /** Set when the address itself was refused (private): retrying cannot help. */
  refused?: UrlRefusal["code"];
  /** The address the connection went to (or tried), once the name was resolved and checked. */
  address?: string;
  durationMs: number;
};

export type PostOptions = {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  maxBodyChars?: number;
  /** Name resolution (tests stand in for DNS); resolved once per attempt, then pinned. */
  resolve?: Resolver;
};

const MAX_BODY_CHARS = 2_000;

/**
 * POSTs a body and reads the start of the answer, within one overall timeout. Redirects are not
 * followed (a 3xx is a failed delivery): following them would carry the signed payload to an
 * address nobody checked. Never throws; every failure comes back as `error`.
 */
export async function postWebhook(url: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const maxChars = options.maxBodyChars ?? MAX_BODY_CHARS;

  // Private networks allowed (tests, an operator's choice): the client resolves as usual.
  let lookup: ReturnType<typeof pinnedLookup> | undefined;
  if (!options.allowPrivateNetworks) {
    const target = await checkWebhookTarget(url, options);
    if (!target.ok) {
      const literal = target.refusal.code === "private_address";
      return {
        error: literal ? `${hostOf(url)} is a private address` : target.refusal.message,
        refused: target.unresolved ? undefined : target.refusal.code,
        durationMs: elapsed(),
      };
    }
    lookup = pinnedLookup(target.addresses);
  }
  let address: string | undefined;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ...(address ? { address } : {}), durationMs: elapsed() });
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        lookup,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const retryAfter = response.headers["retry-after"];
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          // Enough to show the admin; the rest of a huge answer is not worth waiting for.
          if (text.length >= maxChars) {
            response.destroy();
            finish({ status, body: text.slice(0, maxChars), retryAfter });
          }
        });
        response.on("end", () => finish({ status, body: text, retryAfter }));
        response.on("error", (error) => finish({ status, body: text, retryAfter, error: error.message }));
      },
    );
    request.on("socket", (socket) => {
      // One address: "lookup"; several (family auto-selection): one "connectionAttempt" each.
      socket.on("lookup", (_error: Error | null, resolved: string) => (address = resolved));
      socket.on("connectionAttempt", (ip: string) => (address = ip));
      socket.on("connect", () => (address = socket.remoteAddress ?? address));
    });
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ error: `${error.code ?? "error"}: ${error.message}` }));
    request.end(body);
  });
}
