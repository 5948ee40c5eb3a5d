/**
 * Exponential backoff with full jitter: 30 s, 1 min, 2 min, ... capped at an hour, each drawn
 * uniformly between half and the whole step so many failed rows do not retry in lockstep.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 30_000, capMs = 3_600_000): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
