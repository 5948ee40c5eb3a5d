/**
 * Whether two snapshots say the same, as the audit log would store them (JSON: dates as text,
 * undefined members dropped); object members compare whatever their order.
 */
export function sameSnapshot(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(sorted(JSON.parse(JSON.stringify(value ?? null)) as unknown));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
