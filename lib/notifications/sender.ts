/**
 * The From of an email: the shop's name as an RFC 5322 quoted string before the address. Left
 * bare, a name with a comma ("Kowalski, Nowak s.c."), quotes or angle brackets reads as several
 * addresses or none, and the provider refuses every email the shop sends; quoted, it is only a name.
 */
export function senderAddress(name: string, address: string): string {
  // Inside quotes only `"` and `\` need escaping; a line break would end the header, so it goes.
  const quoted = name.replace(/[\r\n]+/g, " ").replace(/["\\]/g, "\\$&");
  return `"${quoted}" <${address}>`;
}

/**
 * Who every email of the shop comes from and where replies go: the address the shop verified with
 * its provider, else its support address (as before one was set), else a placeholder; replies to
 * the support address. One place for customer, admin and account emails alike.
 */
export function shopEnvelope(settings: { shopName: string; senderEmail: string | null; supportEmail: string | null }): { from: string; replyTo: string | undefined } {
  return {
    from: senderAddress(settings.shopName, settings.senderEmail ?? settings.supportEmail ?? "no-reply@orderly.local"),
    replyTo: settings.supportEmail ?? undefined,
  };
}
