import { describe, expect, it } from "vitest";
import { checkWebhookTarget, isPrivateAddress, refuseWebhookUrl, type Resolver } from "./url-policy";

const codeOf = (raw: string, allowPrivate = false) => refuseWebhookUrl(raw, allowPrivate)?.code;
const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("webhook URL policy", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  // IPv6 forms that carry an IPv4 address, site-local, and Teredo: refused whatever IPv4 they carry.
  it.each(["::7f00:1", "::127.0.0.1", "::8.8.8.8", "::ffff:8.8.8.8", "::ffff:7f00:1", "64:ff9b::7f00:1", "64:ff9b::808:808", "64:ff9b:1::1", "2002:7f00:1::", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "fec0::1", "feff::1"])(
    "%s embeds an IPv4 address or is site-local: private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(["8.8.8.8", "172.32.0.1", "93.184.216.34", "2606:4700::1111", "2a00:1450:4001:82a::200e", "2001:4860:4860::8888"])("%s is public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("refuses other schemes, credentials and private hosts, unless private networks are allowed", () => {
    expect(codeOf("ftp://example.com/x")).toBe("not_web");
    expect(codeOf("not a url")).toBe("not_a_url");
    expect(codeOf("https://user:pw@example.com/x")).toBe("credentials");
    expect(codeOf("http://localhost:3000/hook")).toBe("private_address");
    expect(codeOf("http://[::1]:3000/hook")).toBe("private_address");
    expect(codeOf("http://10.0.0.5/hook")).toBe("private_address");
    expect(codeOf("http://127.0.0.1:3000/hook", true)).toBeUndefined();
    expect(codeOf("https://erp.example.com/hooks/orderly")).toBeUndefined();
    expect(codeOf("ftp://127.0.0.1/hook", true)).toBe("not_web");
  });

  it("refuses, from the text alone, every form the security review saved without complaint", () => {
    expect(codeOf("http://localhost.:3999/")).toBe("trailing_dot");
    expect(codeOf("http://erp.example.com./hook")).toBe("trailing_dot");
    expect(codeOf("http://[::127.0.0.1]:3999/")).toBe("private_address");
    expect(codeOf("http://[::ffff:127.0.0.1]:3999/")).toBe("private_address");
    expect(codeOf("http://[64:ff9b::127.0.0.1]:3999/")).toBe("private_address");
    expect(codeOf("http://[2002:7f00:1::]:3999/")).toBe("private_address");
    expect(codeOf("http://[fec0::1]:3999/")).toBe("private_address");
    // The WHATWG parser turns these IPv4 spellings into 127.0.0.1 before the check sees them.
    expect(codeOf("http://2130706433:3999/")).toBe("private_address");
    expect(codeOf("http://0x7f.1:3999/")).toBe("private_address");
  });

  it("resolves a name and refuses it when any of its addresses is private (as /etc/hosts may say)", async () => {
    const check = (url: string, resolve: Resolver) => checkWebhookTarget(new URL(url), { allowPrivateNetworks: false, resolve });
    expect(await check("https://erp.example.com/h", resolvesTo("93.184.216.34"))).toEqual({ ok: true, addresses: [{ address: "93.184.216.34", family: 4 }] });
    expect(await check("https://erp.example.com/h", resolvesTo("93.184.216.34", "127.0.0.1"))).toMatchObject({ ok: false, refusal: { code: "resolves_to_private" } });
    expect(await check("https://erp.example.com/h", resolvesTo("::ffff:7f00:1"))).toMatchObject({ ok: false, refusal: { code: "resolves_to_private" } });
    const nowhere: Resolver = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    expect(await check("https://nowhere.example/h", nowhere)).toMatchObject({ ok: false, unresolved: true });
    // A literal address is not resolved at all.
    let asked = 0;
    const counting: Resolver = async () => (asked++, []);
    expect(await check("http://93.184.216.34/h", counting)).toMatchObject({ ok: true, addresses: [{ address: "93.184.216.34", family: 4 }] });
    expect(asked).toBe(0);
  });
});
