import { describe, expect, it } from "vitest";
import { inLanes } from "./in-lanes";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("inLanes", () => {
  it("runs at most `lanes` at once, items of one key one after another in their order", async () => {
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const items = ["a1", "b1", "a2", "c1", "d1", "a3", "e1"];
    await inLanes(items, 3, (item) => item[0]!, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      done.push(item);
      running -= 1;
    });
    expect(most).toBe(3);
    expect(done.filter((item) => item.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    expect([...done].sort()).toEqual([...items].sort());
  });

  it("after an error starts nothing more, lets the running ones finish, then throws it", async () => {
    const started: string[] = [];
    const finished: string[] = [];
    const run = inLanes(["x", "y", "z", "w"], 2, (item) => item, async (item) => {
      started.push(item);
      if (item === "x") throw new Error("x failed");
      await tick();
      finished.push(item);
    });
    await expect(run).rejects.toThrow("x failed");
    expect(started).toEqual(["x", "y"]);
    expect(finished).toEqual(["y"]);
  });
});
