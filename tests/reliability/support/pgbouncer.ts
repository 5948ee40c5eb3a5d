import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { spawnProcess } from "./processes";

/** Where Debian's `pgbouncer` package puts the program (not on a non-root PATH). */
const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"];

export function findPgBouncer(): string | undefined {
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export type PgBouncer = {
  /** `serverUrl` with its host and port replaced by the pooler's. */
  urlFor: (serverUrl: string) => string;
  stop: () => Promise<void>;
  output: () => string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * A PgBouncer in session mode in front of the server `serverUrl` names, on `port`, trusting every
 * local client as the test server does, with at most `serverConnections` connections to the
 * server. Session mode, because Orderly pipelines statements (ADR 0145, 0147) and PgBouncer before
 * 1.21 (Debian 12 ships 1.18) loses pipelined answers in transaction mode: requests hung when
 * tried (README, "Deployment"). It refuses to run as root, so as root it runs as `postgres` (the
 * server's own account, there wherever the server is installed from packages).
 */
export async function startPgBouncer(program: string, serverUrl: string, port: number, serverConnections: number): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "orderly-pgbouncer-"));
  const user = decodeURIComponent(server.username) || userInfo().username;
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = session",
      // The suite's user may read the pooler's own SHOW commands when a run needs looking into.
      `admin_users = ${user}`,
      "max_client_conn = 1000",
      `default_pool_size = ${serverConnections}`,
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const args = [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")];
  // Readable by the account it switches to.
  if (asRoot) chmodSync(dir, 0o755);
  const bouncer = spawnProcess(program, args, {});
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (bouncer.child.exitCode !== null || Date.now() > deadline) {
      await bouncer.stop();
      throw new Error(`pgbouncer did not start:\n${bouncer.output()}`);
    }
    await sleep(100);
  }
  return {
    urlFor: (url) => {
      const through = new URL(url);
      through.hostname = "127.0.0.1";
      through.port = String(port);
      return through.toString();
    },
    stop: async () => {
      await bouncer.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    output: bouncer.output,
  };
}
