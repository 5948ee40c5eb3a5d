import { describe, expect, it } from "vitest";
import type { Listen } from "@/db";
import { LiveHub } from "./hub";
import { ORDER_CHANGES_CHANNEL } from "./order-change";
import { openChangeStream } from "./stream";

/** A LISTEN that the test drives: `notify` delivers a payload, `reconnect` plays a lost and regained connection. */
function fakeListen() {
  const state = { channel: "", onPayload: (_: string) => {}, onListen: () => {}, listens: 0, stopped: 0 };
  const listen: Listen = async (channel, onPayload, onListen = () => {}) => {
    Object.assign(state, { channel, onPayload, onListen });
    state.listens += 1;
    onListen();
    return async () => void (state.stopped += 1);
  };
  return { listen, state, notify: (payload: unknown) => state.onPayload(JSON.stringify(payload)), reconnect: () => state.onListen() };
}

const change = (orderId: number, orderTypeId = 1) => ({ orderId, orderTypeId, statusId: 5, version: 2, eventId: 100 + orderId });

/** Reads what the stream has sent so far, without waiting for its end. */
async function readSoFar(reader: ReadableStreamDefaultReader<Uint8Array>, parts = 1): Promise<string> {
  let text = "";
  for (let i = 0; i < parts; i++) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return text;
}

describe("the live hub and its streams", () => {
  it("listen once for every stream and send each the changes of its order types, after `ready` with the stamp", async () => {
    const fake = fakeListen();
    const hub = new LiveHub(fake.listen, 10);
    const controller = new AbortController();
    const board = await openChangeStream({ hub, orderTypeIds: [1], readStamp: async () => 42, signal: controller.signal });
    const list = await openChangeStream({ hub, readStamp: async () => 42, signal: controller.signal });
    expect(fake.state).toMatchObject({ channel: ORDER_CHANGES_CHANNEL, listens: 1 });
    const boardReader = board!.getReader();
    const listReader = list!.getReader();
    expect(await readSoFar(boardReader)).toBe('event: ready\ndata: {"stamp":42}\n\n');
    await readSoFar(listReader);

    fake.notify(change(7, 2));
    fake.notify(change(8, 1));
    fake.notify({ orderId: "not a change" });
    expect(await readSoFar(boardReader)).toBe(`event: change\ndata: ${JSON.stringify(change(8, 1))}\n\n`);
    expect(await readSoFar(listReader, 2)).toBe(`event: change\ndata: ${JSON.stringify(change(7, 2))}\n\nevent: change\ndata: ${JSON.stringify(change(8, 1))}\n\n`);

    // The connection to the database was lost and is back: every stream is told to read again.
    fake.reconnect();
    expect(await readSoFar(boardReader)).toBe("event: resync\ndata: {}\n\n");
    controller.abort();
  });

  it("end when the browser goes, and then hold no subscriber", async () => {
    const hub = new LiveHub(fakeListen().listen, 10);
    const gone = new AbortController();
    const stream = await openChangeStream({ hub, readStamp: async () => 1, signal: gone.signal });
    const reader = stream!.getReader();
    await readSoFar(reader);
    expect(hub.size).toBe(1);
    gone.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(hub.size).toBe(0);

    // A reader that cancels (the response could not be written) lets go too.
    const other = await openChangeStream({ hub, readStamp: async () => 1, signal: new AbortController().signal });
    expect(hub.size).toBe(1);
    await other!.cancel();
    expect(hub.size).toBe(0);
  });

  it("send a heartbeat comment while quiet, and `bye` before ending at its age limit", async () => {
    const hub = new LiveHub(fakeListen().listen, 10);
    const stream = await openChangeStream({ hub, readStamp: async () => 1, signal: new AbortController().signal, heartbeatMs: 20, maxAgeMs: 70 });
    const reader = stream!.getReader();
    await readSoFar(reader);
    expect(await readSoFar(reader)).toBe(": heartbeat\n\n");
    let rest = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toMatch(/event: bye\ndata: \{\}\n\n$/);
    expect(hub.size).toBe(0);
  });

  it("refuse a stream past the process's capacity, and take one again once another ends", async () => {
    const hub = new LiveHub(fakeListen().listen, 2);
    const controllers = [new AbortController(), new AbortController()];
    const open = (signal: AbortSignal) => openChangeStream({ hub, readStamp: async () => 1, signal });
    const [first, second] = await Promise.all(controllers.map((c) => open(c.signal)));
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(await open(new AbortController().signal)).toBeNull();
    controllers[0]!.abort();
    expect(await open(new AbortController().signal)).not.toBeNull();
  });

  it("let the next stream try again when the database could not be listened on", async () => {
    let fail = true;
    const fake = fakeListen();
    const hub = new LiveHub(async (...args) => {
      if (fail) throw new Error("connection refused");
      return fake.listen(...args);
    }, 10);
    await expect(openChangeStream({ hub, readStamp: async () => 1, signal: new AbortController().signal })).rejects.toThrow("connection refused");
    expect(hub.size).toBe(0);
    fail = false;
    expect(await openChangeStream({ hub, readStamp: async () => 1, signal: new AbortController().signal })).not.toBeNull();
  });
});
