import { describe, expect, it } from "vitest";
import { namedOptions } from "./named-options";

describe("namedOptions", () => {
  it("keeps each code as the value and orders the options by name in the reader's alphabet", () => {
    const names: Record<string, string> = { phone: "Telefon", shop: "Sklep internetowy", allegro: "Allegro", zabka: "Żabka", zeta: "Zeta" };
    const options = namedOptions(["zabka", "phone", "shop", "zeta", "allegro"], (code) => names[code]!, "pl");
    expect(options).toEqual([
      { value: "allegro", label: "Allegro" },
      { value: "shop", label: "Sklep internetowy" },
      { value: "phone", label: "Telefon" },
      { value: "zeta", label: "Zeta" },
      { value: "zabka", label: "Żabka" },
    ]);
  });
});
