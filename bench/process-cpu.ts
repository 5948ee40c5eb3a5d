import { readdirSync, readFileSync } from "node:fs";

/** The pids of every process whose command line matches `pattern`; none where there is no /proc. */
function pidsOf(pattern: RegExp): string[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.filter((pid) => {
    try {
      return pattern.test(readFileSync(`/proc/${pid}/cmdline`, "latin1").replaceAll("\0", " "));
    } catch {
      return false; // the process ended between the listing and the read
    }
  });
}

/** User + system CPU in milliseconds from a `stat` file of /proc (a process's or one thread's). */
function cpuMsIn(statFile: string): number {
  try {
    // Fields after the command name in parentheses; utime and stime are the 14th and 15th of the line.
    const fields = readFileSync(statFile, "latin1").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0; // the process ended between the listing and the read
  }
}

/** How often the kernel took the CPU from a thread that could have gone on running, from its `status` file. */
function preemptionsIn(statusFile: string): number {
  try {
    const line = /^nonvoluntary_ctxt_switches:\s+(\d+)$/m.exec(readFileSync(statusFile, "latin1"));
    return line ? Number(line[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU time (user + system, in milliseconds) used so far by these processes (from `pidsOf`), read
 * from Linux's /proc; 0 where there is no /proc or nothing matched. The API scenario reads it
 * before and after each side's load to say where a request's time goes: in the app server
 * (`next-server`) or in Postgres (its backends, when it runs on this machine).
 */
function cpuMsOf(pids: string[]): number {
  return pids.reduce((total, pid) => total + cpuMsIn(`/proc/${pid}/stat`), 0);
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const MS_PER_TICK = 10;

/** The app server the benchmark starts (`next start` names its process `next-server`). */
const APP_SERVER = /next-server/;
/** Postgres's processes, backends and background workers alike (`postgres: 15/main: ...`). */
const POSTGRES = /^postgres: /;

/**
 * `app` and `postgres` are whole processes. `appMain` is the app server's JavaScript thread alone
 * (its thread id is its pid), the one thread every request passes through, and `appMainPreempted`
 * counts the times it was taken off a CPU while it still had work: under load on a small machine,
 * each round trip that wakes a Postgres backend on the thread's core can cost it one. A V8 profile
 * counts that time as busy in whatever call was running (docs/benchmarks.md, "7 December,
 * later"); these counters tell work from waiting.
 */
export type CpuReading = { app: number; postgres: number; appMain: number; appMainPreempted: number };

const READINGS = ["app", "postgres", "appMain", "appMainPreempted"] as const satisfies readonly (keyof CpuReading)[];

/** Each reading worked out from the same reading of every load (a difference, a sum per request). */
export function eachReading(of: (reading: keyof CpuReading) => number): CpuReading {
  return Object.fromEntries(READINGS.map((reading) => [reading, of(reading)])) as CpuReading;
}

/** A process's main thread (whose thread id is the pid): its CPU in milliseconds and its preemptions so far. */
export function mainThreadCounters(pid: number | string): { cpuMs: number; preemptions: number } {
  return { cpuMs: cpuMsIn(`/proc/${pid}/task/${pid}/stat`), preemptions: preemptionsIn(`/proc/${pid}/task/${pid}/status`) };
}

export function readCpu(): CpuReading {
  const apps = pidsOf(APP_SERVER);
  const main = apps[0] ? mainThreadCounters(apps[0]) : { cpuMs: 0, preemptions: 0 };
  return { app: cpuMsOf(apps), postgres: cpuMsOf(pidsOf(POSTGRES)), appMain: main.cpuMs, appMainPreempted: main.preemptions };
}
