import { describe, expect, it } from "vitest";
import { courierName } from "./courier-name";

describe("courierName", () => {
  it("names the carriers shops use by their brand, and makes any other code readable", () => {
    expect(courierName("poczta_polska")).toBe("Poczta Polska");
    expect(courierName("inpost")).toBe("InPost");
    expect(courierName("dpd")).toBe("DPD");
    expect(courierName("my_local_van")).toBe("My local van");
    // A code that is also an object's own property name is still only a code.
    expect(courierName("constructor")).toBe("Constructor");
  });
});
