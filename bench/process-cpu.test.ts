import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eachReading, mainThreadCounters } from "./process-cpu";

// Linux's /proc is what the benchmark reads; elsewhere the counters are zero by design.
describe.runIf(existsSync("/proc/self/task"))("mainThreadCounters", () => {
  it("reads this process's main thread: its CPU grows with work done on it", () => {
    const before = mainThreadCounters(process.pid);
    // Spin until the process has used 200 ms of CPU, however busy the machine: the test runs on
    // the main thread of its fork, so nearly all of it is that thread's.
    const start = process.cpuUsage();
    const cpuSince = () => {
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    while (cpuSince() < 200);
    const after = mainThreadCounters(process.pid);
    // Ticks are 10 ms; the other threads of the fork take little.
    expect(after.cpuMs - before.cpuMs).toBeGreaterThanOrEqual(150);
    expect(after.preemptions).toBeGreaterThanOrEqual(before.preemptions);
  });

  it("answers zeros for a process that does not exist", () => {
    expect(mainThreadCounters(2 ** 30)).toEqual({ cpuMs: 0, preemptions: 0 });
  });
});

describe("eachReading", () => {
  it("works out every reading the benchmark prints, by its name", () => {
    expect(eachReading((reading) => reading.length)).toEqual({ app: 3, postgres: 8, appMain: 7, appMainPreempted: 16 });
  });
});
