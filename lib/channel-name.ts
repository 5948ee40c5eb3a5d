import { common } from "@/lib/i18n/catalogue/common";
import { readableCode } from "@/lib/readable-code";

/** A channel the catalogue words in each language ("phone" is "Telefon" to a Polish reader). */
export type WordedChannel = keyof typeof common.en.salesChannels;

const isWorded = (code: string): code is WordedChannel => Object.hasOwn(common.en.salesChannels, code);

/** Marketplaces, by the code integrations send: brands, written the same in every language. */
const MARKETPLACES = new Map([
  ["allegro", "Allegro"],
  ["amazon", "Amazon"],
  ["ebay", "eBay"],
  ["empik", "Empik"],
  ["erli", "Erli"],
  ["kaufland", "Kaufland"],
  ["olx", "OLX"],
  ["temu", "Temu"],
]);

/**
 * A sales channel as people read it. The channel is whatever code a shop's integrations send, and
 * filters and automation rules keep matching on that code; only what is shown changes: a word in
 * the reader's language, a marketplace's brand, or the code made readable.
 */
export function channelName(code: string, worded: (key: WordedChannel) => string): string {
  if (isWorded(code)) return worded(code);
  return MARKETPLACES.get(code) ?? readableCode(code);
}
