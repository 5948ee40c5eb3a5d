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
