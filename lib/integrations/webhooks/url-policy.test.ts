import { describe, expect, it } from "vitest";
import { isPrivateAddress, refuseWebhookUrl } from "./url-policy";

describe("webhook URL policy", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(["8.8.8.8", "172.32.0.1", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("refuses other schemes, credentials and private hosts, unless private networks are allowed", () => {
    expect(refuseWebhookUrl("ftp://example.com/x", false)).toMatch(/http or https/);
    expect(refuseWebhookUrl("not a url", false)).toMatch(/full address/);
    expect(refuseWebhookUrl("https://user:pw@example.com/x", false)).toMatch(/credentials/);
    expect(refuseWebhookUrl("http://localhost:3000/hook", false)).toMatch(/private network/);
    expect(refuseWebhookUrl("http://[::1]:3000/hook", false)).toMatch(/private network/);
    expect(refuseWebhookUrl("http://10.0.0.5/hook", false)).toMatch(/private network/);
    expect(refuseWebhookUrl("http://127.0.0.1:3000/hook", true)).toBeUndefined();
    expect(refuseWebhookUrl("https://erp.example.com/hooks/orderly", false)).toBeUndefined();
    expect(refuseWebhookUrl("ftp://127.0.0.1/hook", true)).toMatch(/http or https/);
  });
});
