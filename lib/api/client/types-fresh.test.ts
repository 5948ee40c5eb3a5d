import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_PATH, generateApiTypes } from "./generate";

describe("the generated API client types", () => {
  it(`${API_TYPES_PATH} matches the OpenAPI document`, async () => {
    const fresh = await generateApiTypes();
    const checkedIn = readFileSync(API_TYPES_PATH, "utf8");
    if (checkedIn !== fresh) {
      throw new Error(`${API_TYPES_PATH} is out of date with the OpenAPI document: run \`npm run api:types\` and commit the file.`);
    }
    expect(checkedIn).toContain('"/orders/{number}/transitions"');
  });
});
