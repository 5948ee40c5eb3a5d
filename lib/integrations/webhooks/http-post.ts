import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { hostOf, isPrivateAddress, publicOnlyLookup } from "./url-policy";

export type PostOutcome = {
  /** Undefined when no answer came (timeout, refused connection, private address). */
  status?: number;
  /** The start of the answer, capped: enough to see why a receiver refused. */
  body?: string;
  retryAfter?: string;
  error?: string;
  durationMs: number;
};

export type PostOptions = { timeoutMs: number; allowPrivateNetworks: boolean; maxBodyChars?: number };

const MAX_BODY_CHARS = 2_000;

/**
 * POSTs a body and reads the start of the answer, within one overall timeout. Redirects are not
 * followed (a 3xx is a failed delivery): following them would carry the signed payload to an
 * address nobody checked. Never throws; every failure comes back as `error`.
 */
export function postWebhook(url: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const maxChars = options.maxBodyChars ?? MAX_BODY_CHARS;

  if (!options.allowPrivateNetworks && isPrivateAddress(hostOf(url))) {
    return Promise.resolve({ error: `${hostOf(url)} is a private address`, durationMs: 0 });
  }
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        lookup: options.allowPrivateNetworks ? undefined : publicOnlyLookup,
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
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ error: error.code === "EPRIVATE" ? error.message : `${error.code ?? "error"}: ${error.message}` }));
    request.end(body);
  });
}
