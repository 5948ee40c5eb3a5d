import { MAX_JSON_DEPTH } from "./http/body-limits";

/**
 * Whether a parsed value nests deeper than `max` arrays and objects. Walked with an explicit
 * stack, not recursion, and stopped at the first branch past the limit: a body of 100,000 nested
 * arrays (a 200 kB request) must be refused, not overflow the call stack of whatever walks it
 * next (the NUL check, zod, the idempotency hash).
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth + 1 > max) return true;
    const children = current instanceof FormData ? [...current.values()] : Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}

export const NESTING_TOO_DEEP_MESSAGE = `The input nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`;
