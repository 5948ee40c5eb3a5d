import { intlTag, resolveLocale } from "@/lib/i18n/locales";

/** Display formatting shared by staff pages. Money is stored in minor units. */


/** "24,50 zł" in Polish, "PLN 24.50" in English. */
export function formatMoney(minor: number, currency: string, locale = "en"): string {
  return new Intl.NumberFormat(intlTag(resolveLocale(locale)), { style: "currency", currency }).format(minor / 100);
}

/** In the shop's time zone (settings, `timeZone`; next-intl's `useTimeZone`/`getTimeZone`). */
export function formatDateTime(date: Date, locale = "en", timeZone = "Europe/Warsaw"): string {
  return new Intl.DateTimeFormat(intlTag(resolveLocale(locale)), { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A wait as a message of the catalogue's `common.duration` with its values, for `t(...)`. */
export type DurationMessage =
  | { key: "justNow"; values: Record<string, never> }
  | { key: "days"; values: { days: number } }
  | { key: "daysHours"; values: { days: number; hours: number } }
  | { key: "hours"; values: { hours: number } }
  | { key: "hoursMinutes"; values: { hours: number; minutes: number } }
  | { key: "minutes"; values: { minutes: number } };

/**
 * How long something has waited, in the largest two units: with `t = useTranslations("common")`
 * (or getTranslations), `t(\`duration.${m.key}\`, m.values)` reads "3 dni 4 godz." / "3 d 4 h".
 */
export function durationMessage(ms: number): DurationMessage {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return { key: "justNow", values: {} };
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours ? { key: "daysHours", values: { days, hours } } : { key: "days", values: { days } };
  const rest = minutes % 60;
  if (hours > 0) return rest ? { key: "hoursMinutes", values: { hours, minutes: rest } } : { key: "hours", values: { hours } };
  return { key: "minutes", values: { minutes } };
}

/** "3 d 4 h", "5 h 12 min", "just now": how long something has waited (English; screens use `durationMessage`). */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  const rest = minutes % 60;
  if (hours > 0) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${minutes} min`;
}

/**
 * Black or white text for a background colour, whichever contrasts more (WCAG relative
 * luminance), so an admin's colour choice never makes a badge unreadable.
 */
export function readableTextColour(hex: string): "#000000" | "#ffffff" {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return "#ffffff";
  const value = parseInt(match[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  const contrastWithWhite = 1.05 / (luminance + 0.05);
  const contrastWithBlack = (luminance + 0.05) / 0.05;
  return contrastWithBlack > contrastWithWhite ? "#000000" : "#ffffff";
}
