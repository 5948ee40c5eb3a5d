import { describe, expect, it } from "vitest";
import { refusedQueryError } from "@/tests/support/database-outage";
import { isDatabaseOutage } from "./database-outage";
import { isNumberOutOfRange } from "./numbers-out-of-range";

/** A server error as postgres.js reports one (a PostgresError carries the SQLSTATE as `code`), wrapped as drizzle wraps it. */
function serverError(code: string): Error {
  return new Error("Failed query: select 1", { cause: Object.assign(new Error(`server said ${code}`), { code }) });
}

describe("isDatabaseOutage", () => {
  it("recognises a query that found no database, as the driver and drizzle really report it", async () => {
    const error = await refusedQueryError();
    expect(isDatabaseOutage(error)).toBe(true);
    expect(isNumberOutOfRange(error)).toBe(false);
  });

  it("recognises a server shutting down, crashed, starting up, or a connection exception, however deep the cause", () => {
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001"]) expect(isDatabaseOutage(serverError(code)), code).toBe(true);
    const driver = Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" });
    expect(isDatabaseOutage(new Error("render", { cause: new Error("Failed query", { cause: driver }) }))).toBe(true);
  });

  it("leaves a wrong statement or bad data to its own handling: retrying would fail the same way", () => {
    for (const code of ["22003", "23505", "42P01", "40001"]) expect(isDatabaseOutage(serverError(code)), code).toBe(false);
    expect(isDatabaseOutage(new Error("Template variable {{total}} is missing"))).toBe(false);
    expect(isDatabaseOutage(undefined)).toBe(false);
    expect(isDatabaseOutage("ECONNREFUSED")).toBe(false);
    expect(isNumberOutOfRange(serverError("22003"))).toBe(true);
  });
});
