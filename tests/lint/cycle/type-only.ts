// A type-only import back into the circle: erased at compile time, so not a circle at runtime and
// not reported (see lib/import-cycles.test.ts).
import type { first } from "./first";

export type First = typeof first;
