/**
 * Whether the shop's app address is one customers cannot open: tracking links and emailed links
 * start with it, so a loopback or unset-looking address makes every one of them dead. True for an
 * empty or unparsable address, `localhost` (and `*.localhost`), the loopback block 127.0.0.0/8,
 * `::1`, the unspecified `0.0.0.0` and `::`, and `*.local` (mDNS names, only on the same network).
 */
export function isUnreachableAppAddress(address: string | null | undefined): boolean {
  const text = (address ?? "").trim();
  if (text === "") return true;
  let host: string;
  try {
    host = new URL(text).hostname.toLowerCase();
  } catch {
    return true;
  }
  // WHATWG URLs keep an IPv6 host in brackets and may end a fully qualified name with a dot.
  host = host.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (host === "") return true;
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "local" || host.endsWith(".local")) return true;
  if (host === "0.0.0.0" || host === "::" || host === "::1") return true;
  // IPv4 loopback: the URL parser has already turned 127.1 or 0x7f.1 into dotted decimal.
  if (/^127(\.\d{1,3}){3}$/.test(host)) return true;
  // An IPv4 loopback written as IPv6 (::ffff:127.0.0.1 arrives as ::ffff:7f00:1).
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true;
  return false;
}
