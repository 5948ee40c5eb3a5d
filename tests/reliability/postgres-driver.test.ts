import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { reliabilityServerUrl } from "./support/database";

// The defect patches/postgres+3.4.9.patch mends (ADR 0120), provoked on purpose: a transaction's
// backend dies, and the transaction writes once more to the connection that has closed under it.
// Unpatched, postgres.js schedules that write for later, the later write meets no socket and
// throws where nobody can catch it (vitest fails the run on it), and the connection keeps the
// timer of that failed write: every write it makes afterwards, starting with the next startup
// message, waits for a flush that never comes, so each reconnect ends in CONNECT_TIMEOUT.
const clients: postgres.Sql[] = [];
afterAll(async () => {
  await Promise.all(clients.map((sql) => sql.end({ timeout: 1 })));
});

function client(options: postgres.Options<Record<string, never>> = {}): postgres.Sql {
  const sql = postgres(reliabilityServerUrl(), { onnotice: () => {}, ...options });
  clients.push(sql);
  return sql;
}

describe("postgres.js after a connection dies under a transaction (patched)", () => {
  it("refuses the transaction's late write and reconnects the same client at once", async () => {
    // One connection, so the next query must reuse the one that died.
    const sql = client({ max: 1, connect_timeout: 2 });
    const killer = client({ max: 1 });
    let lateWriteSent: () => void = () => {};
    const lateWrite = new Promise<void>((resolve) => (lateWriteSent = resolve));
    const transaction = sql.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await killer`select pg_terminate_backend(${row!.pid})`;
      // Wait for the server's goodbye to close the socket, then write again. The transaction has
      // already failed by then, so nothing awaits this query: it only has to be sent.
      await new Promise((resolve) => setTimeout(resolve, 300));
      void tx`select 1`.catch(() => undefined);
      lateWriteSent();
    });
    await expect(transaction).rejects.toMatchObject({ code: expect.stringMatching(/^(CONNECTION_CLOSED|57P01)$/) });
    await lateWrite;
    // The late write's flush is scheduled for the next turn of the event loop: let it run.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

    // Unpatched this is CONNECT_TIMEOUT: the startup message is never sent.
    const [answer] = await sql<{ one: number }[]>`select 1 as one`;
    expect(answer).toEqual({ one: 1 });
  });
});
