import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmsapiProvider } from "./smsapi";

/** A local stand-in for SMSAPI's sms.do that records requests and answers as told. */
let server: Server;
let baseUrl = "";
const requests: { auth?: string; body: URLSearchParams }[] = [];
let answer: { status: number; body: unknown; headers?: Record<string, string> } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests.push({ auth: req.headers.authorization, body: new URLSearchParams(Buffer.concat(chunks).toString()) });
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("SMSAPI provider", () => {
  const sms = () => createSmsapiProvider({ token: "tok", baseUrl, sender: "Sklep" });

  it("sends with the token, the idempotency key as idx, and returns SMSAPI's id", async () => {
    answer = { status: 200, body: { count: 1, list: [{ id: "sms-42", points: 0.16 }] } };
    const outcome = await sms().sendSms({ to: "+48 600 100 200", text: "Paczka w drodze", idempotencyKey: "event:1:sms" });
    expect(outcome).toEqual({ ok: true, providerMessageId: "sms-42" });
    const last = requests.at(-1)!;
    expect(last.auth).toBe("Bearer tok");
    expect(Object.fromEntries(last.body)).toMatchObject({ to: "+48600100200", message: "Paczka w drodze", idx: "event:1:sms", check_idx: "1", from: "Sklep" });
  });

  it("retries on 5xx and 429, honouring Retry-After", async () => {
    answer = { status: 503, body: { message: "unavailable" } };
    expect(await sms().sendSms({ to: "+48600", text: "x", idempotencyKey: "k" })).toMatchObject({ ok: false, retryable: true });
    answer = { status: 429, body: { message: "slow down" }, headers: { "retry-after": "7" } };
    expect(await sms().sendSms({ to: "+48600", text: "x", idempotencyKey: "k" })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000 });
  });

  it("does not retry a refusal such as a bad number", async () => {
    answer = { status: 200, body: { error: 13, message: "Invalid phone number" } };
    expect(await sms().sendSms({ to: "+48", text: "x", idempotencyKey: "k" })).toMatchObject({ ok: false, retryable: false, error: "200: Invalid phone number" });
  });

  it("treats an unreachable server as retryable", async () => {
    const dead = createSmsapiProvider({ token: "t", baseUrl: "http://127.0.0.1:9", timeoutMs: 500 });
    expect(await dead.sendSms({ to: "+48600", text: "x", idempotencyKey: "k" })).toMatchObject({ ok: false, retryable: true });
  });
});
