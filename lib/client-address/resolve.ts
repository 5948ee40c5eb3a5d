/**
 * Which address a request came from, for rate limits. The socket's peer is the only fact a client
 * cannot choose. Behind reverse proxies the peer is the nearest proxy, and each trusted proxy
 * appends the address it received from to X-Forwarded-For: with `trustedHops` proxies in front,
 * the client is the entry that many places from the right. Entries further left were written by
 * whoever sent the request and are never used.
 */
export function resolveClientAddress(
  source: { forwardedFor?: string | string[]; socketAddress?: string },
  trustedHops: number,
): string {
  const socket = normaliseAddress(source.socketAddress ?? "");
  if (trustedHops <= 0) return socket || "unknown";
  const header = Array.isArray(source.forwardedFor) ? source.forwardedFor.join(",") : (source.forwardedFor ?? "");
  // Right to left: the socket's peer first, then what each trusted proxy saw.
  const chain = [socket, ...header.split(",").map((entry) => normaliseAddress(entry)).reverse()];
  // A request that passed fewer proxies than configured (reached the app directly, say): the
  // furthest address we have, which is still one a trusted hop recorded or the socket's.
  const hop = Math.min(trustedHops, chain.length - 1);
  return chain[hop] || socket || "unknown";
}

/** "::ffff:203.0.113.5" and "203.0.113.5" are one client; ports are not part of it. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") > 0 ? address.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && address.includes(".")) address = address.slice("::ffff:".length);
  return address;
}
