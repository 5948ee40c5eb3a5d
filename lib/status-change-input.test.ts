import { describe, expect, it } from "vitest";
import { ORDERS_PAGE_SIZE } from "@/db/queries/orders";
import { MAX_BULK_CHUNK } from "./status-change-input";

describe("the bulk form's bound", () => {
  it("takes a whole page of the order list in one chunk, so the bulk preview is one call", () => {
    // The bulk form selects from the rows on screen; its preview sends them all at once.
    expect(ORDERS_PAGE_SIZE).toBeLessThanOrEqual(MAX_BULK_CHUNK);
  });
});
