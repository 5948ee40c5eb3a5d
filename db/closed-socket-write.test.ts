import { describe, expect, it } from "vitest";
import { isClosedSocketWrite } from "./closed-socket-write";

function errorWithStack(ErrorType: typeof Error, message: string, stack: string): Error {
  const error = new ErrorType(message);
  error.stack = `${ErrorType.name}: ${message}\n${stack}`;
  return error;
}

const NEXT_WRITE = "    at Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)";

describe("isClosedSocketWrite", () => {
  it("recognises postgres.js writing to a connection that has closed", () => {
    expect(isClosedSocketWrite(errorWithStack(TypeError, "Cannot read properties of null (reading 'write')", NEXT_WRITE))).toBe(true);
  });

  it("lets every other error through, even with the same message elsewhere or the same frame", () => {
    expect(isClosedSocketWrite(errorWithStack(TypeError, "Cannot read properties of null (reading 'write')", "    at ourCode (/app/lib/x.ts:1:1)"))).toBe(false);
    expect(isClosedSocketWrite(errorWithStack(TypeError, "Cannot read properties of null (reading 'end')", NEXT_WRITE))).toBe(false);
    expect(isClosedSocketWrite(errorWithStack(Error, "Cannot read properties of null (reading 'write')", NEXT_WRITE))).toBe(false);
    expect(isClosedSocketWrite("Cannot read properties of null (reading 'write')")).toBe(false);
  });
});
