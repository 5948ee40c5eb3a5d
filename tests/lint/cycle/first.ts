// A deliberate import circle (first -> second -> first) for lib/import-cycles.test.ts; eslint.config.mjs
// ignores this folder so that `npm run lint` stays clean, and the test lints it explicitly.
import { second } from "@/tests/lint/cycle/second";

export const first = (): string => `first, then ${second()}`;
