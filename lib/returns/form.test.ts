import { describe, expect, it } from "vitest";
import { readReturnForm } from "./form";

const formOf = (fields: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return form;
};

describe("readReturnForm", () => {
  it("picks the lines given a quantity, by SKU, and the return's reason", () => {
    const read = readReturnForm(formOf([["kind", "return"], ["qty:MUG-1", "2"], ["qty:TEA 2", "0"], ["qty:CUP", " "], ["reason", "damaged"], ["description", "Cracked"], ["other", "x"]]));
    expect(read).toEqual({ kind: "return", items: [{ sku: "MUG-1", quantity: 2 }], reason: "damaged", description: "Cracked" });
  });

  it("gives a complaint no reason, and passes a quantity that is no number on for the service to refuse", () => {
    const read = readReturnForm(formOf([["kind", "complaint"], ["qty:MUG-1", "two"], ["reason", "damaged"]]));
    expect(read.kind).toBe("complaint");
    expect(read.reason).toBeNull();
    expect(read.items).toEqual([{ sku: "MUG-1", quantity: Number.NaN }]);
  });

  it("takes anything but a complaint as a return, and a form without fields as an empty request", () => {
    expect(readReturnForm(formOf([["kind", "refund-me"]]))).toEqual({ kind: "return", items: [], reason: null, description: "" });
  });
});
