import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The newest installed PostgreSQL's programs (Debian keeps them out of PATH). */
function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error("No PostgreSQL server programs under /usr/lib/postgresql: install postgresql");
  return path.join(root, versions[0], "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type PrivateCluster = {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: sessions are terminated, the server comes back at once. */
  restartFast: () => Promise<void>;
  /** A crash (`stop -m immediate`), `downMs` with nothing listening, then a start with recovery. */
  crashAndStart: (downMs: number) => Promise<void>;
  destroy: () => Promise<void>;
};

/**
 * A throw-away PostgreSQL cluster in a temporary directory on a free port, owned by the
 * `postgres` system user (the server refuses to run as root). The shared server on 5432 serves
 * everyone else's tests, so only this one is ever restarted.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "orderly-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (program: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]) : run(path.join(bin, program), args);

  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const port = await freePort();
  await pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  const start = () => pg("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  await start();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restartFast: async () => {
      // -l again: without it the new server would inherit (and hold open) this call's stdout.
      await pg("pg_ctl", ["-D", data, "-l", log, "-o", options, "-m", "fast", "-w", "-t", "60", "restart"]);
    },
    crashAndStart: async (downMs) => {
      await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    destroy: async () => {
      await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
