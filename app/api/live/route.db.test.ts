import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import type { SessionUser } from "@/lib/auth/authorize";
import { getLiveHub } from "@/lib/live/process-hub";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { STAFF_USER, WAREHOUSE_USER } from "@/tests/support/session-users";
import { openTestDb } from "@/tests/support/test-db";

/** GET /api/live as the browser calls it, on a test database of either engine, with the session replaced. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined }));
const database = vi.hoisted(() => ({ handle: undefined as DbHandle | undefined }));
vi.mock("@/lib/auth", async () => {
  const { authorize } = await import("@/lib/auth/authorize");
  return { authorize, getCurrentUser: async () => session.user };
});
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDbHandle: async () => database.handle!,
  getDb: async () => database.handle!.db,
}));
vi.mock("next/server", () => ({ connection: async () => {} }));

const { GET } = await import("./route");

beforeAll(async () => {
  database.handle = await openTestDb();
});
afterAll(async () => {
  await getLiveHub().close();
  await database.handle?.close();
});

/** Reads the stream until `want` shows up in what it sent. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, want: RegExp): Promise<string> {
  let text = "";
  const deadline = Date.now() + 5_000;
  while (!want.test(text)) {
    if (Date.now() > deadline) throw new Error(`the stream sent only: ${text}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended after: ${text}`);
    text += new TextDecoder().decode(value);
  }
  return text;
}

describe("GET /api/live", () => {
  it("refuses a visitor without a session with 401 and opens no stream", async () => {
    session.user = undefined;
    const response = await GET(new Request("http://localhost/api/live"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized" });
    expect(getLiveHub().size).toBe(0);
  });

  it("refuses order type ids that are not ids", async () => {
    session.user = STAFF_USER;
    expect((await GET(new Request("http://localhost/api/live?type=abc"))).status).toBe(400);
  });

  it("streams a change committed after it opened, to a member of any role, and lets go when the browser goes", async () => {
    const { db } = database.handle!;
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    // The shop's own warehouse role opens the board too: it may move only some statuses, but sees every order.
    session.user = WAREHOUSE_USER;
    const browser = new AbortController();
    const response = await GET(new Request(`http://localhost/api/live?type=${wf.type.id}`, { signal: browser.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, /event: ready\ndata: \{"stamp":\d+\}\n\n/)).toContain(`"stamp":`);

    const moved = await transitionOrder(db, {
      orderId: order.id,
      to: { id: wf.status.awaiting_payment.id },
      actor: { type: "user", id: "2", label: "Stan" },
      expectedVersion: order.version,
    });
    if (!moved.ok) throw new Error(moved.error.message);
    const text = await readUntil(reader, /event: change\n/);
    expect(text).toContain(
      `event: change\ndata: ${JSON.stringify({ orderId: order.id, orderTypeId: wf.type.id, statusId: wf.status.awaiting_payment.id, version: order.version + 1, eventId: moved.value.event.id })}\n\n`,
    );

    expect(getLiveHub().size).toBe(1);
    browser.abort();
    expect(await reader.read()).toMatchObject({ done: true });
    expect(getLiveHub().size).toBe(0);
  });
});
