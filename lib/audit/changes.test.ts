import { describe, expect, it } from "vitest";
import { changesOf, shorten, shownValue, SHOWN_LENGTH } from "./changes";

describe("changesOf", () => {
  it("lists only the fields whose values differ, before and after", () => {
    const changes = changesOf(
      { name: "Packed", slaHours: null, requiresPayment: false, colour: "#000000" },
      { name: "Packed & weighed", slaHours: 12, requiresPayment: true, colour: "#000000" },
    );
    expect(changes).toEqual([
      { field: "name", type: "value", before: { type: "text", text: "Packed", full: "Packed" }, after: { type: "text", text: "Packed & weighed", full: "Packed & weighed" } },
      { field: "slaHours", type: "value", before: { type: "empty" }, after: { type: "text", text: "12", full: "12" } },
      { field: "requiresPayment", type: "value", before: { type: "boolean", value: false }, after: { type: "boolean", value: true } },
    ]);
  });

  it("says which members a list gained and lost", () => {
    expect(changesOf({ transitions: ["a → b", "b → c"] }, { transitions: ["b → c", "c → d"] })).toEqual([
      { field: "transitions", type: "list", added: ["c → d"], removed: ["a → b"] },
    ]);
  });

  it("shows a reordered list as the whole list before and after", () => {
    expect(changesOf({ order: ["A", "B"] }, { order: ["B", "A"] })).toEqual([
      { field: "order", type: "value", before: { type: "text", text: "A, B", full: "A, B" }, after: { type: "text", text: "B, A", full: "B, A" } },
    ]);
  });

  it("shows a created record's fields and a deleted one's, leaving out the empty ones and false flags", () => {
    expect(changesOf(null, { name: "Returns", description: "", adminEmails: [], archived: false, enabled: true })).toEqual([
      { field: "name", type: "value", after: { type: "text", text: "Returns", full: "Returns" } },
      { field: "enabled", type: "value", after: { type: "boolean", value: true } },
    ]);
    expect(changesOf({ url: "https://erp.example.com", eventTypes: ["order.created"] }, null)).toEqual([
      { field: "url", type: "value", before: { type: "text", text: "https://erp.example.com", full: "https://erp.example.com" } },
      { field: "eventTypes", type: "value", before: { type: "text", text: "order.created", full: "order.created" } },
    ]);
  });

  it("says nothing changed when objects differ only in the order of their members", () => {
    expect(changesOf({ links: { dpd: "x", inpost: "y" } }, { links: { inpost: "y", dpd: "x" } })).toEqual([]);
  });

  it("shortens long values and keeps the text of templates and nested records readable", () => {
    const long = "x".repeat(500);
    const shown = shownValue(long);
    expect(shown).toMatchObject({ type: "text", full: long });
    expect(shown.type === "text" && shown.text).toHaveLength(SHOWN_LENGTH);
    expect(shown.type === "text" && shown.text.endsWith("…")).toBe(true);
    expect(shownValue([{ title: "Courier", body: "Picked up" }])).toMatchObject({ text: "Courier · Picked up" });
    expect(shownValue({ allegro: "SENT" })).toMatchObject({ text: "allegro: SENT" });
    expect(shorten("short")).toBe("short");
  });
});
