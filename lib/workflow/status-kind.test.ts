import { describe, expect, it } from "vitest";
import { isTerminal } from "./status-kind";

describe("isTerminal", () => {
  it("treats completed and not_completed as closed", () => {
    expect(isTerminal("completed")).toBe(true);
    expect(isTerminal("not_completed")).toBe(true);
  });

  it("treats new and in_progress as open", () => {
    expect(isTerminal("new")).toBe(false);
    expect(isTerminal("in_progress")).toBe(false);
  });
});
