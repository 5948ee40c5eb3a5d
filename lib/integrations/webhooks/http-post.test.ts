import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./http-post";
import type { Resolver } from "./url-policy";

// A receiver on loopback: what a rebinding name would point at the second time it is asked.
let server: Server;
let port: number;
let received = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    received++;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A name that resolves to each address in turn: public first, then loopback (DNS rebinding). */
function rebinding(...answers: string[]): Resolver & { asked: number } {
  const resolver = Object.assign(
    async () => {
      const address = answers[Math.min(resolver.asked++, answers.length - 1)]!;
      return [{ address, family: 4 }];
    },
    { asked: 0 },
  );
  return resolver;
}

const post = (host: string, resolve: Resolver) =>
  postWebhook(new URL(`http://${host}:${port}/hook`), "{}", {}, { timeoutMs: 1_000, allowPrivateNetworks: false, resolve });

describe("postWebhook connects to the address it checked", () => {
  it("a name public at the check and loopback a moment later: the connection goes to the checked address, DNS is asked once", async () => {
    const before = received;
    const resolver = rebinding("203.0.113.7", "127.0.0.1");
    const outcome = await post("rebind.example", resolver);
    expect(resolver.asked).toBe(1);
    expect(outcome.address).toBe("203.0.113.7");
    expect(outcome.status).toBeUndefined();
    expect(received - before).toBe(0);
  });

  it("a name that resolves to loopback is refused before any connection, for good", async () => {
    const before = received;
    const outcome = await post("hosts-file.example", rebinding("127.0.0.1"));
    expect(outcome).toMatchObject({ refused: "resolves_to_private" });
    expect(outcome.address).toBeUndefined();
    expect(received - before).toBe(0);
  });

  it("literal IPv4-in-IPv6 and trailing-dot forms are refused at delivery too", async () => {
    for (const host of ["[::127.0.0.1]", "[::ffff:127.0.0.1]", "localhost."]) {
      const outcome = await post(host, rebinding("127.0.0.1"));
      expect(outcome.refused, host).toMatch(/private_address|trailing_dot/);
    }
    expect(received).toBe(0);
  });

  it("delivers to a receiver whose checked address it connects to (private allowed, as in tests)", async () => {
    const outcome = await postWebhook(new URL(`http://127.0.0.1:${port}/hook`), "{}", {}, { timeoutMs: 1_000, allowPrivateNetworks: true });
    expect(outcome).toMatchObject({ status: 200, address: "127.0.0.1" });
  });
});
