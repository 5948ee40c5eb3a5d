import { writeFileSync } from "node:fs";
import { API_TYPES_PATH, generateApiTypes } from "@/lib/api/client/generate";

/** `npm run api:types`: writes the API client's TypeScript types from the OpenAPI document. */
async function main() {
  writeFileSync(API_TYPES_PATH, await generateApiTypes());
  console.log(`wrote ${API_TYPES_PATH}`);
}

void main();
