import { describe, expect, it } from "vitest";
import { connectionOf, parsePgbenchTps } from "./pgbench";
import { orderIdExpression, transitionScript } from "./pgbench-transition";

// pgbench's summaries as PostgreSQL prints them, figures changed.
const summary = (version: string, tpsLines: string) => `pgbench (${version})
transaction type: /tmp/orderly-pgbench-x/script.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 2
maximum number of tries: 1
duration: 4 s
number of transactions actually processed: 5321
number of failed transactions: 0 (0.000%)
latency average = 6.012 ms
${tpsLines}
`;

describe("parsePgbenchTps", () => {
  it("reads PostgreSQL 15's rate without the connection time", () => {
    expect(parsePgbenchTps(summary("15.20 (Debian 15.20-0+deb12u1)", "initial connection time = 7.467 ms\ntps = 1330.654321 (without initial connection time)"))).toBe(1330.654321);
  });

  it("reads PostgreSQL 16 and 17's, whose connection line may end in a space", () => {
    expect(parsePgbenchTps(summary("16.14 (Debian 16.14-1.pgdg13+1)", "initial connection time = 3.428 ms\ntps = 447.883979 (without initial connection time)"))).toBe(447.883979);
    expect(parsePgbenchTps(summary("17.0 (Debian 17.0-1.pgdg110+1)", "initial connection time = 9.289 ms \ntps = 348.055502 (without initial connection time)"))).toBe(348.055502);
  });

  it("takes the rate excluding connections from PostgreSQL 14 and earlier, not the one including them", () => {
    expect(parsePgbenchTps(summary("14.11", "tps = 85.184871 (including connections establishing)\ntps = 85.296346 (excluding connections establishing)"))).toBe(85.296346);
  });

  it("refuses an output without a rate rather than return a number", () => {
    expect(() => parsePgbenchTps(summary("15.20", "tps = 3369.004756 (including reconnection times)"))).toThrow(/no tps/);
    expect(() => parsePgbenchTps("pgbench: error: Run was aborted; the above results are incomplete.")).toThrow(/no tps/);
  });
});

describe("connectionOf", () => {
  it("passes host, port, user and database as flags and the password through the environment", () => {
    expect(connectionOf("postgres://bench%40ops:s3cret@db.local:6543/orderly_bench?sslmode=require")).toEqual({
      args: ["-h", "db.local", "-p", "6543", "-d", "orderly_bench", "-U", "bench@ops"],
      env: { PGPASSWORD: "s3cret", PGSSLMODE: "require" },
    });
  });
});

describe("transitionScript", () => {
  const rotation = { orderTypeId: 7, statusIds: [13, 14] as [number, number] };
  const orderIds = Array.from({ length: 400 }, (_, k) => 201 + k);

  /** The SQL statements, in order, each reduced to its first words. */
  const statements = (script: string) =>
    script
      .split("\n")
      .filter((l) => /^(begin|select|update|insert|commit)\b/.test(l))
      .map((l) => l.split(/\s+/).slice(0, 3).join(" "));

  it("sends the hand-written baseline's statements in its order, in one transaction", () => {
    const script = transitionScript({ rotation, orderIds, clients: 8 });
    expect(statements(script)).toEqual([
      "begin;",
      "select id, number,",
      "select s.id, s.name,",
      "update orders set",
      "insert into order_events",
      "insert into outbox",
      "commit;",
    ]);
    expect(script).toMatch(/from orders where id = :order_id for update \\gset o_/);
    expect(script).toMatch(/returning id \\gset e_/);
  });

  it("gives client c the positions c, c + clients, ... of the pool and flips between the rotation's two statuses", () => {
    const script = transitionScript({ rotation, orderIds, clients: 8 });
    expect(script).toContain("\\set slot random(0, (399 - :client_id) / 8)");
    expect(script).toContain("\\set k :client_id + 8 * :slot");
    expect(script).toContain("\\set order_id 201 + :k");
    expect(script).toContain("\\set to_status_id CASE WHEN :o_status_id = 13 THEN 14 ELSE 13 END");
    // Evaluated as pgbench would: every client's positions are its own and together cover the pool.
    const positions = (client: number) => Array.from({ length: Math.floor((399 - client) / 8) + 1 }, (_, slot) => client + 8 * slot);
    const all = Array.from({ length: 8 }, (_, c) => positions(c)).flat();
    expect(new Set(all).size).toBe(400);
    expect(Math.max(...all)).toBe(399);
    expect(transitionScript({ rotation, orderIds, clients: 1 })).toContain("\\set slot random(0, (399 - :client_id) / 1)");
  });

  it("refuses more clients than orders, as two of them would share one", () => {
    expect(() => transitionScript({ rotation, orderIds: [1, 2], clients: 3 })).toThrow();
  });

  it("names no variable it does not set: to pgbench a colon before a word is a parameter, even in a literal", () => {
    const script = transitionScript({ rotation, orderIds, clients: 8 });
    const used = new Set([...script.matchAll(/(?<!:):([a-z_]+)/g)].map((m) => m[1]!));
    const set = ["client_id", "slot", "k", "order_id", "to_status_id", "shop_name", "app_url", "bank_account"];
    const lockColumns = ["id", "number", "order_type_id", "status_id", "payment_method", "customer_name", "customer_email", "locale", "currency", "total", "tracking_token"];
    const fromRows = [...lockColumns.map((c) => `o_${c}`), "t_id", "t_name", "t_customer_label", "e_id"];
    expect([...used].filter((name) => !set.includes(name) && !fromRows.includes(name))).toEqual([]);
  });
});

describe("orderIdExpression", () => {
  it("maps a position to its id, one branch per run of consecutive ids", () => {
    expect(orderIdExpression([201, 202, 203])).toBe("201 + :k");
    expect(orderIdExpression([201, 202, 500, 501, 900])).toBe("CASE WHEN :k < 2 THEN 201 + :k WHEN :k < 4 THEN 500 + (:k - 2) ELSE 900 + (:k - 4) END");
  });
});
