import { someCauseCode } from "./error-causes";

/** postgres.js's own codes for a connection that went away or never came. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);
/** The socket's. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
/** The server's: shutting down (57P01, 57P02), starting up (57P03), and the connection-exception class (08). */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03"]);

/**
 * Whether `error` says the database was out of reach (restarting, crashed, the connection cut)
 * rather than that the statement was wrong: the same work may succeed once it is back.
 */
export function isDatabaseOutage(error: unknown): boolean {
  return someCauseCode(error, (code) => DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}
