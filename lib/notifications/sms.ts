/**
 * SMS length the way gateways bill it. GSM-7 when every character is in the GSM 03.38 basic
 * set or its extension table (extension characters take an escape plus the character: two
 * septets); otherwise UCS-2, counted in UTF-16 code units. Line breaks are sent as CR LF by
 * Polish gateways, so each counts twice in either encoding.
 */

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsMeasure = {
  encoding: SmsEncoding;
  /** Billable units: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units one segment holds for this message (160/153 or 70/67). */
  perSegment: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
  /** Characters that forced UCS-2, without repeats, in order of appearance. */
  nonGsmCharacters: string[];
};

const LIMITS = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
} as const;

/** Each character's cost in units; a line break (\r\n, \n or \r) is one entry costing 2. */
function unitsPerCharacter(text: string, encoding: SmsEncoding): number[] {
  const costs: number[] = [];
  const normalised = text.replace(/\r\n?/g, "\n");
  for (const ch of normalised) {
    if (ch === "\n") costs.push(2);
    else if (encoding === "UCS-2") costs.push(ch.length);
    else costs.push(extension.has(ch) ? 2 : 1);
  }
  return costs;
}

/** Greedy packing, never splitting an escape pair or a surrogate pair across segments. */
function countSegments(costs: number[], perSegment: number): { segments: number; lastFill: number } {
  let segments = 1;
  let fill = 0;
  for (const cost of costs) {
    if (fill + cost > perSegment) {
      segments += 1;
      fill = 0;
    }
    fill += cost;
  }
  return { segments, lastFill: fill };
}

export function detectEncoding(text: string): { encoding: SmsEncoding; nonGsmCharacters: string[] } {
  const nonGsm = new Set<string>();
  for (const ch of text) {
    if (!basic.has(ch) && !extension.has(ch)) nonGsm.add(ch);
  }
  return { encoding: nonGsm.size ? "UCS-2" : "GSM-7", nonGsmCharacters: [...nonGsm] };
}

export function measureSms(text: string): SmsMeasure {
  const { encoding, nonGsmCharacters } = detectEncoding(text);
  const costs = unitsPerCharacter(text, encoding);
  const units = costs.reduce((sum, c) => sum + c, 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) {
    return { encoding, units, segments: 1, perSegment: limit.single, remaining: limit.single - units, nonGsmCharacters };
  }
  const { segments, lastFill } = countSegments(costs, limit.multi);
  return { encoding, units, segments, perSegment: limit.multi, remaining: limit.multi - lastFill, nonGsmCharacters };
}

/** Cost of one message in minor units, at a price per segment in minor units. */
export function smsCost(measure: Pick<SmsMeasure, "segments">, pricePerSegment: number): number {
  return measure.segments * pricePerSegment;
}
