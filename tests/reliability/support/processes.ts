import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export type Spawned = {
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** Resolves with the signal or exit code once the process has gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; by this process's id (or its own group's) only. */
  stop: (graceMs?: number) => Promise<void>;
};

/**
 * Starts a program from the project's root with extra environment, collecting its output.
 * `ownGroup` puts it in a process group of its own and signals the whole group, for programs that
 * start children of their own (`next start` forks its server: killing only the parent would leave
 * the server listening).
 */
export function spawnProcess(command: string, args: string[], env: Record<string, string>, options: { ownGroup?: boolean } = {}): Spawned {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.ownGroup ?? false,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const signal = (name: NodeJS.Signals) => {
    if (!options.ownGroup || child.pid === undefined) return child.kill(name);
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is gone already.
    }
  };
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts a project script. Node loads tsx as a hook (`node --import tsx`) rather than through the
 * `tsx` command, which runs the script in a second process: a SIGKILL sent to the command would
 * leave the real worker running.
 */
export function spawnScript(script: string, env: Record<string, string>): Spawned {
  return spawnProcess(process.execPath, ["--import", "tsx", script], env);
}
