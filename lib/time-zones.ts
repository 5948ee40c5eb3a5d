/** A time zone as the settings screen offers it: its IANA name, and the name with today's offset. */
export type TimeZoneOption = { value: string; label: string };

/** "+01:00", "−03:30" or "+00:00": the zone's offset from UTC at `at`. */
export function utcOffset(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  // "GMT+01:00"; some engines write a zero offset as plain "GMT".
  const offset = part?.value.replace(/^GMT/, "") ?? "";
  return offset === "" ? "+00:00" : offset.replace("-", "−");
}

/**
 * Every IANA zone this runtime knows, UTC first: what a save of the settings accepts and what the
 * form offers. `Intl` leaves UTC out of its list on some engines, though every engine formats it.
 */
export function knownTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/**
 * Every zone given (the server's own by default: a browser's list may differ), each labelled with its offset at `at` so a shop finds its own by the hour it keeps:
 * "Europe/Warsaw (UTC+01:00)". Summer time moves offsets, so the label says today's.
 */
export function timeZoneOptions(at: Date, zones: string[] = knownTimeZones()): TimeZoneOption[] {
  return zones.map((zone) => ({ value: zone, label: zone === "UTC" ? zone : `${zone.replaceAll("_", " ")} (UTC${utcOffset(zone, at)})` }));
}

let memo: { hour: number; options: TimeZoneOption[] } | undefined;

/**
 * The options for now, worked out at most once an hour: four hundred formatters take about a
 * tenth of a second, and an offset changes only on the hour (or the half hour, which waits).
 */
export function currentTimeZoneOptions(now = new Date()): TimeZoneOption[] {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (memo?.hour !== hour) memo = { hour, options: timeZoneOptions(now) };
  return memo.options;
}
