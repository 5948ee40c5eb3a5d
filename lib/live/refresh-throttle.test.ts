import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MIN_GAP_MS, RefreshThrottle, SETTLE_MS, streamRetryDelayMs } from "./refresh-throttle";
import { concernsScreen, liveStreamUrl } from "./scope";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe("RefreshThrottle", () => {
  it("refreshes once for a commit's changes, then at most once per gap during a burst", () => {
    let refreshes = 0;
    const throttle = new RefreshThrottle(() => ++refreshes > 0);
    throttle.request();
    throttle.request();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(refreshes).toBe(1);
    // A burst over one second: every 10 ms another change.
    for (let t = 0; t < 1000; t += 10) {
      throttle.request();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(MIN_GAP_MS);
    expect(refreshes).toBeGreaterThanOrEqual(4);
    expect(refreshes).toBeLessThanOrEqual(1 + Math.ceil(1000 / MIN_GAP_MS) + 1);
  });

  it("holds a refresh while the screen is busy and makes it once the screen is free", () => {
    let busy = true;
    let refreshes = 0;
    const throttle = new RefreshThrottle(() => (busy ? false : ++refreshes > 0));
    throttle.request();
    vi.advanceTimersByTime(SETTLE_MS + 5 * MIN_GAP_MS);
    expect(refreshes).toBe(0);
    busy = false;
    vi.advanceTimersByTime(MIN_GAP_MS);
    expect(refreshes).toBe(1);
  });
});

describe("streamRetryDelayMs", () => {
  it("waits a second after the first failure, doubling up to half a minute", () => {
    expect([1, 2, 3, 6, 20].map(streamRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});

describe("concernsScreen", () => {
  const change = { orderId: 5, orderTypeId: 1, statusId: 10, version: 3, eventId: 99 };
  it("takes a change of the board's order type and leaves another type's", () => {
    expect(concernsScreen(change, { orderTypeIds: [1] })).toBe(true);
    expect(concernsScreen(change, { orderTypeIds: [2] })).toBe(false);
  });
  it("on a filtered list takes an order shown there, or one that moved into the filter", () => {
    expect(concernsScreen(change, { statusIds: [11], orderIds: [5] })).toBe(true);
    expect(concernsScreen(change, { statusIds: [10], orderIds: [6] })).toBe(true);
    expect(concernsScreen(change, { statusIds: [11], orderIds: [6] })).toBe(false);
    expect(concernsScreen(change, { orderIds: [6] })).toBe(true);
  });
  it("asks the stream for the screen's order types only", () => {
    expect(liveStreamUrl({ orderTypeIds: [1, 3] })).toBe("/api/live?type=1&type=3");
    expect(liveStreamUrl({ statusIds: [2] })).toBe("/api/live");
  });
});
