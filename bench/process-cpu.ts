import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (user + system, in milliseconds) used so far by every process whose command line
 * matches `pattern`, read from Linux's /proc; 0 where there is no /proc or nothing matches. The
 * API scenario reads it before and after each side's load to say where a request's time goes:
 * in the app server (`next-server`) or in Postgres (its backends, when it runs on this machine).
 */
function cpuMsOf(pattern: RegExp): number {
  let ticks = 0;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "latin1").replaceAll("\0", " ");
      if (!pattern.test(command)) continue;
      // Fields after the command name in parentheses; utime and stime are the 14th and 15th of the line.
      const fields = readFileSync(`/proc/${pid}/stat`, "latin1").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks * MS_PER_TICK;
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const MS_PER_TICK = 10;

/** The app server the benchmark starts (`next start` names its process `next-server`). */
const APP_SERVER = /next-server/;
/** Postgres's processes, backends and background workers alike (`postgres: 15/main: ...`). */
const POSTGRES = /^postgres: /;

export type CpuReading = { app: number; postgres: number };

export function readCpu(): CpuReading {
  return { app: cpuMsOf(APP_SERVER), postgres: cpuMsOf(POSTGRES) };
}
