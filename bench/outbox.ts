import { spawn } from "node:child_process";
import { BENCH_AUTH_SECRET } from "./app-server";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * The outbox worker as it runs in production: in a process with NODE_ENV=production, as under
 * `next start` (and as `npm run worker` must be deployed). React's development build, which the
 * benchmark's own process loads, renders an email over ten times slower and would measure that
 * instead. The measurement, the fake Resend and its raw rate all run in that one process, so the
 * ratio compares like with like (`outbox-measure.ts`).
 */
export const outboxScenario: Scenario = {
  name: "outbox",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "bench/outbox-child.ts"], {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: BENCH_AUTH_SECRET, DATABASE_URL: context.databaseUrl },
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`bench/outbox-child.ts exited with ${code}`))));
    });
    const last = output.trim().split("\n").at(-1) ?? "";
    return JSON.parse(last) as BenchFigure[];
  },
};
