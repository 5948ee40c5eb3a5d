import { someCauseCode } from "./error-causes";

/**
 * Postgres refuses a number its column cannot hold (an id past 2,147,483,647 in an `integer`
 * column, an amount beyond it) with SQLSTATE 22003, numeric_value_out_of_range. The number came
 * from the caller, so it is bad input, not a fault of ours: the statement failed, its transaction
 * rolled back, and the caller gets a refusal instead of a 500. Drivers and drizzle wrap the
 * server's error, so the whole `cause` chain is searched.
 */
export function isNumberOutOfRange(error: unknown): boolean {
  return someCauseCode(error, (code) => code === "22003");
}

export const NUMBER_OUT_OF_RANGE_MESSAGE = "A number in the input is too large or too small to be stored.";
