import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf, CLIENT_ADDRESS_HEADER, installClientAddressStamp, resolveClientAddress, stampClientAddress } from ".";

describe("resolveClientAddress", () => {
  it("with no trusted proxy takes the socket's peer and ignores X-Forwarded-For", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.7", socketAddress: "198.51.100.1" }, 0)).toBe("198.51.100.1");
    expect(resolveClientAddress({ socketAddress: "::ffff:127.0.0.1" }, 0)).toBe("127.0.0.1");
  });

  it("with N trusted proxies takes the Nth entry from the right, never what the client wrote before them", () => {
    const forwardedFor = "1.1.1.1, 203.0.113.7, 10.0.0.2";
    expect(resolveClientAddress({ forwardedFor, socketAddress: "10.0.0.3" }, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress({ forwardedFor, socketAddress: "10.0.0.3" }, 2)).toBe("203.0.113.7");
    // Node joins repeated headers; both lines count as one list.
    expect(resolveClientAddress({ forwardedFor: ["9.9.9.9", "203.0.113.8"], socketAddress: "10.0.0.3" }, 1)).toBe("203.0.113.8");
  });

  it("falls back to the furthest recorded address when fewer proxies were passed than configured", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.7", socketAddress: "10.0.0.3" }, 3)).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "198.51.100.1" }, 2)).toBe("198.51.100.1");
    expect(resolveClientAddress({ forwardedFor: " , ", socketAddress: "198.51.100.1" }, 1)).toBe("198.51.100.1");
  });
});

describe("the client address stamp on a real HTTP server", () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    installClientAddressStamp(0);
    // Created after the stamp is installed, like `next start`'s own server would be before or after.
    server = http.createServer((req, res) => {
      res.end(clientAddressOf(new Headers(req.headers as Record<string, string>)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("names the socket's peer whatever X-Forwarded-For or our own header the client sends", async () => {
    const forged = await fetch(url, { headers: { "X-Forwarded-For": "203.0.113.99", [CLIENT_ADDRESS_HEADER]: "x 203.0.113.98" } });
    expect(await forged.text()).toBe("127.0.0.1");
    expect(await (await fetch(url)).text()).toBe("127.0.0.1");
  });

  it("does not believe a header that no stamp wrote", () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: "guess 203.0.113.98" }))).toBe("unknown");
    expect(clientAddressOf(new Headers())).toBe("unknown");
  });

  it("with one trusted proxy stamps the address that proxy appended", () => {
    const request = { headers: { "x-forwarded-for": "203.0.113.99, 198.51.100.20" }, socket: { remoteAddress: "10.0.0.3" } };
    stampClientAddress(request as unknown as IncomingMessage, 1);
    expect(clientAddressOf(new Headers(request.headers as Record<string, string>))).toBe("198.51.100.20");
  });
});
