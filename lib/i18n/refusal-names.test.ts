import { describe, expect, it } from "vitest";
import type { Refusal } from "@/lib/result";
import { namesWorkflowThings, refusalInReaderNames, strandingInReaderNames, type ReaderNames } from "./refusal-names";

// A Polish reader's names: by id where the refusal has one, else by the stored name.
const polish: ReaderNames = {
  status: (s) => ({ 7: "Wysłane", 1: "Otrzymane" })[s.id ?? 0] ?? ({ Received: "Otrzymane" } as Record<string, string>)[s.name] ?? s.name,
  orderType: (t) => ({ 3: "Detaliczne" })[t.id ?? 0] ?? ({ Retail: "Detaliczne" } as Record<string, string>)[t.name] ?? t.name,
  group: (g) => ({ New: "Nowe" } as Record<string, string>)[g.name] ?? g.name,
};

const validation = (details: unknown): Refusal => ({ code: "validation_failed", message: "refused", details } as Refusal);

describe("a workflow refusal in the reader's names", () => {
  it("renames the statuses and order types a stranding names, by id", () => {
    const error: Refusal = {
      code: "would_strand_orders",
      message: "24 orders in Shipped (Retail) would have no way forward",
      details: { total: 24, stranded: [{ orderType: { id: 3, code: "retail", name: "Retail" }, status: { id: 7, code: "shipped", name: "Shipped" }, orders: 24 }] },
    };
    expect(refusalInReaderNames(error, polish)).toEqual({
      ...error,
      details: { total: 24, stranded: [{ orderType: { id: 3, code: "retail", name: "Detaliczne" }, status: { id: 7, code: "shipped", name: "Wysłane" }, orders: 24 }] },
    });
  });

  it("renames an import preview's stranded orders, by id and else by stored name, keeping counts and codes", () => {
    const stranding = {
      total: 5,
      stranded: [
        { orderType: { id: 3, code: "retail", name: "Retail" }, status: { id: 7, code: "shipped", name: "Shipped" }, orders: 2 },
        { orderType: { code: "b2b", name: "Retail" }, status: { code: "received", name: "Received" }, orders: 3 },
      ],
    };
    expect(strandingInReaderNames(stranding, polish)).toEqual({
      total: 5,
      stranded: [
        { orderType: { id: 3, code: "retail", name: "Detaliczne" }, status: { id: 7, code: "shipped", name: "Wysłane" }, orders: 2 },
        { orderType: { code: "b2b", name: "Detaliczne" }, status: { code: "received", name: "Otrzymane" }, orders: 3 },
      ],
    });
  });

  it("renames a status where orders start, and the types that start there, by their stored names", () => {
    const renamed = refusalInReaderNames(validation({ reason: "status_is_initial", name: "Received", orderTypes: ["Retail", "B2B"] }), polish);
    expect(renamed).toMatchObject({ details: { reason: "status_is_initial", name: "Otrzymane", orderTypes: ["Detaliczne", "B2B"] } });
    expect(refusalInReaderNames(validation({ reason: "status_in_use", name: "Received" }), polish)).toMatchObject({ details: { name: "Otrzymane" } });
    expect(refusalInReaderNames(validation({ reason: "group_not_empty", name: "New" }), polish)).toMatchObject({ details: { name: "Nowe" } });
    // A taken code names a status or an order type, as its refusal says which.
    expect(refusalInReaderNames(validation({ reason: "code_taken", code: "received", usedBy: "Received", usedByKind: "status" }), polish)).toMatchObject({
      details: { usedBy: "Otrzymane" },
    });
    expect(refusalInReaderNames(validation({ reason: "code_taken", code: "retail", usedBy: "Retail", usedByKind: "orderType" }), polish)).toMatchObject({
      details: { usedBy: "Detaliczne" },
    });
  });

  it("renames each lint finding's order type, and leaves the message and field errors as they are", () => {
    const issue = { severity: "error", code: "dead_end", message: "No way out", statusIds: [7], orderType: { id: 3, code: "retail", name: "Retail" } };
    const error = { ...validation({ lint: [issue] }), fieldErrors: { name: ["Enter a name"] } } as Refusal;
    expect(refusalInReaderNames(error, polish)).toEqual({ ...error, details: { lint: [{ ...issue, orderType: { ...issue.orderType, name: "Detaliczne" } }] } });
  });

  it("looks names up only for refusals that name workflow things", () => {
    expect(namesWorkflowThings(validation({ reason: "group_not_empty", name: "New" }))).toBe(true);
    expect(namesWorkflowThings(validation({ lint: [] }))).toBe(true);
    expect(namesWorkflowThings({ code: "validation_failed", message: "refused", fieldErrors: { name: ["Enter a name"] } })).toBe(false);
    expect(namesWorkflowThings({ code: "not_found", message: "gone" })).toBe(false);
    const unnamed = validation({ reason: "workflow_not_empty" });
    expect(refusalInReaderNames(unnamed, polish)).toBe(unnamed);
  });
});
