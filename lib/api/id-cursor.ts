/**
 * An opaque page cursor holding the last id of the page (keyset pagination by id). Clients pass it
 * back unchanged; a cursor that does not decode is refused by the route as a bad parameter.
 */
export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ after: id })).toString("base64url");
}

export function decodeCursor(cursor: string): number | undefined {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    return typeof after === "number" && Number.isInteger(after) && after >= 0 ? after : undefined;
  } catch {
    return undefined;
  }
}
