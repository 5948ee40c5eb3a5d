import { promises as dns } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Addresses a webhook must not reach unless the operator allows it: loopback, private ranges,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved.
 * Otherwise any admin could make the server probe its own network (SSRF).
 */
// Two lists: Node matches an IPv4 address against IPv6 rules as IPv4-mapped, so ::ffff:0:0/96
// in one list would block every IPv4 address.
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blockedV4.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  // IPv6 forms that carry an IPv4 address, which the host or a gateway may reach: IPv4-compatible
  // (::127.0.0.1, also :: and ::1), IPv4-mapped (::ffff:10.0.0.1), NAT64 (64:ff9b::), 6to4
  // (2002::) and Teredo (2001::). A receiver with an IPv4 address is written as IPv4.
  ["::", 96],
  ["::ffff:0:0", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["2002::", 16],
  ["2001::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  // Site-local, deprecated but still routed inside some networks.
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blockedV6.addSubnet(net, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, "ipv4");
  if (family === 6) return blockedV6.check(address, "ipv6");
  return false;
}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** Why an address may not receive webhooks, as a stable code with words for the admin. */
export type UrlRefusal = {
  code: "not_a_url" | "not_web" | "credentials" | "trailing_dot" | "private_address" | "resolves_to_private";
  message: string;
};

const PRIVATE_HINT = "webhooks go to public addresses only (the operator can allow private ones with WEBHOOK_ALLOW_PRIVATE_URLS=true)";

/**
 * Why a URL may not receive webhooks, or undefined when it may, from its text alone: literal
 * addresses, local names, and a trailing dot (`localhost.` is localhost to a resolver, but not
 * to a comparison of names). `checkWebhookTarget` also resolves the name.
 */
export function refuseWebhookUrl(raw: string, allowPrivateNetworks: boolean): UrlRefusal | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: "not_a_url", message: "Enter a full address, e.g. https://erp.example.com/hooks/orderly" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { code: "not_web", message: "Use an http or https address" };
  if (url.username || url.password) {
    return { code: "credentials", message: "Leave credentials out of the address; the signature proves the sender" };
  }
  if (allowPrivateNetworks) return undefined;
  const host = hostOf(url).toLowerCase();
  if (host.endsWith(".")) return { code: "trailing_dot", message: "Write the host name without a dot at the end" };
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal") || isPrivateAddress(host)) {
    return { code: "private_address", message: `This address is on a private network; ${PRIVATE_HINT}` };
  }
  return undefined;
}

export type ResolvedAddress = { address: string; family: number };
/** Every address a name resolves to, as the system resolver (with /etc/hosts) gives them. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export type WebhookTarget = { ok: true; addresses: ResolvedAddress[] } | { ok: false; refusal: UrlRefusal; unresolved?: boolean };

/**
 * The addresses a webhook to `url` may connect to: its literal address, or every address its
 * name resolves to, provided none is private. A name that resolves nowhere comes back
 * `unresolved` (the caller decides: saving allows it, delivering retries it).
 */
export async function checkWebhookTarget(url: URL, options: { allowPrivateNetworks: boolean; resolve?: Resolver }): Promise<WebhookTarget> {
  const refusal = refuseWebhookUrl(url.href, options.allowPrivateNetworks);
  if (refusal) return { ok: false, refusal };
  const host = hostOf(url);
  const family = isIP(host);
  if (family) return { ok: true, addresses: [{ address: host, family }] };
  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { ok: false, unresolved: true, refusal: { code: "not_a_url", message: `${host} could not be resolved (${code})` } };
  }
  if (addresses.length === 0) return { ok: false, unresolved: true, refusal: { code: "not_a_url", message: `${host} has no address` } };
  if (options.allowPrivateNetworks) return { ok: true, addresses };
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) return { ok: false, refusal: { code: "resolves_to_private", message: `${host} resolves to ${bad.address}, a private address; ${PRIVATE_HINT}` } };
  return { ok: true, addresses };
}

/**
 * A lookup for the HTTP client that answers with the addresses already checked and never asks
 * DNS again: a name that resolves differently a moment later (DNS rebinding) cannot move the
 * connection to an address nobody checked.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  // Answers on a later tick, as DNS does: the socket's "lookup" listeners are attached by then.
  return (hostname, options, callback) => setImmediate(answer, hostname, options, callback);
  function answer(...[hostname, options, callback]: Parameters<LookupFunction>) {
    const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    const [first] = usable;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no checked address`), { code: "ENOTFOUND" }), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [...usable]);
    callback(null, first.address, first.family);
  }
}
