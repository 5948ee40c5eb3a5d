import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type Spawned = {
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** Resolves with the signal or exit code once the process has gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; by this process's id only. */
  stop: (graceMs?: number) => Promise<void>;
};

/**
 * Starts a project script with extra environment, collecting its output. Node loads tsx as a hook
 * (`node --import tsx`) rather than through the `tsx` command, which runs the script in a second
 * process: a SIGKILL sent to the command would leave the real worker running.
 */
export function spawnScript(script: string, env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
