/**
 * Seller tax IDs. A Polish NIP (ten digits, optionally written with "PL" and dashes) must pass
 * its checksum: a typo on an invoice makes it invalid for the buyer's deduction. Other EU VAT
 * numbers (two letters, then 2-12 letters or digits) are accepted as written, since each
 * country has its own rule and VIES is the authority for them.
 */
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

export function isValidNip(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = NIP_WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const check = sum % 11;
  return check !== 10 && check === Number(digits[9]);
}

export type TaxIdCheck = { ok: true; value: string } | { ok: false; message: string };

/** Normalises spacing and dashes away; checks a Polish NIP's checksum. */
export function checkTaxId(raw: string): TaxIdCheck {
  const compact = raw.replace(/[\s-]/g, "").toUpperCase();
  const polish = /^(PL)?(\d+)$/.exec(compact);
  if (polish) {
    const digits = polish[2]!;
    if (digits.length !== 10) return { ok: false, message: "A Polish NIP has 10 digits" };
    if (!isValidNip(digits)) return { ok: false, message: "This NIP's check digit does not match: please check it for a typo" };
    return { ok: true, value: compact };
  }
  if (/^[A-Z]{2}[A-Z0-9]{2,12}$/.test(compact)) return { ok: true, value: compact };
  return { ok: false, message: "Enter a Polish NIP (10 digits) or an EU VAT number such as DE123456789" };
}
