import net from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";

/**
 * Orderly's patch of postgres.js (patches/, ADR 0145) sends a plain BEGIN and the transaction's
 * first statement in one write instead of waiting for BEGIN's answer. postgres.js only: PGlite
 * has no socket, so this runs against the real server only.
 */
const url = env().TEST_DATABASE_URL;

describe.skipIf(!url)("a transaction on postgres.js", () => {
  let sql: postgres.Sql;
  const writes: string[] = [];
  const write = net.Socket.prototype.write;

  beforeAll(async () => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
    // Every write to the server, as the text of the messages it carries.
    net.Socket.prototype.write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
      if (this.remotePort === Number(new URL(url!).port || 5432) && typeof chunk !== "string") writes.push(Buffer.from(chunk as Uint8Array).toString("latin1"));
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof write;
  });
  afterAll(async () => {
    net.Socket.prototype.write = write;
    await sql?.end();
  });

  it("sends a plain BEGIN in the same write as the first statement", async () => {
    await sql`select 1`; // the connection is open and idle
    writes.length = 0;
    const answer = await sql.begin(async (tx) => (await tx`select 41 + ${1} as n`)[0]!.n);
    expect(answer).toBe(42);
    const first = writes.find((w) => w.includes("begin"));
    expect(first, writes.join(" | ")).toBeDefined();
    expect(first).toContain("select 41 + $1 as n");
  });

  it("still runs the statements inside the transaction: a rollback undoes them", async () => {
    const marker = `rolled-back-${Date.now()}`;
    await sql`create table if not exists pipelined_begin_check (marker text)`;
    await expect(
      sql.begin(async (tx) => {
        await tx`insert into pipelined_begin_check (marker) values (${marker})`;
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await sql`select 1 from pipelined_begin_check where marker = ${marker}`).toHaveLength(0);
    await sql`drop table pipelined_begin_check`;
  });

  it("refuses a statement sent through a transaction or savepoint after it ended, instead of running it outside", async () => {
    await sql`create table if not exists ended_transaction_check (marker text)`;
    let committed: postgres.TransactionSql | undefined;
    let rolledBack: postgres.TransactionSql | undefined;
    let savepoint: postgres.TransactionSql | undefined;
    await sql.begin(async (tx) => {
      committed = tx;
      await tx.savepoint(async (sp) => {
        savepoint = sp;
      });
      // The savepoint's own handle is refused once it ended; the transaction's still works.
      await expect(savepoint!`insert into ended_transaction_check values ('after savepoint')`).rejects.toThrow();
      await tx`insert into ended_transaction_check values ('inside')`;
    });
    await expect(
      sql.begin(async (tx) => {
        rolledBack = tx;
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await expect(committed!`insert into ended_transaction_check values ('after commit')`).rejects.toThrow();
    await expect(rolledBack!`insert into ended_transaction_check values ('after rollback')`).rejects.toThrow();
    const markers = await sql`select marker from ended_transaction_check order by marker`;
    expect(markers.map((row) => row.marker)).toEqual(["inside"]);
    await sql`drop table ended_transaction_check`;
  });

  it("waits for a BEGIN with options, which could fail on its own", async () => {
    writes.length = 0;
    await expect(sql.begin("isolation level no such level", async (tx) => tx`select 1`)).rejects.toThrow();
    // The statement was never sent: it would have run outside any transaction.
    expect(writes.some((w) => w.includes("select 1"))).toBe(false);
  });
});
