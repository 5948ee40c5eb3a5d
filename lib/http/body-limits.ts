/**
 * How large a request body each way in may send, checked before the body is read: a client
 * that announces or streams more is refused with 413 after at most the limit has been read, so
 * an oversize body costs no more memory than an allowed one. Kept in one place so the README,
 * the OpenAPI document, the proxy and Next's own server-action limit agree.
 */
export const BODY_LIMITS = {
  /** `/api/v1`: the largest real body is a whole workflow document, a few tens of kB. */
  api: 1024 * 1024,
  /**
   * Server actions. Must equal `experimental.serverActions.bodySizeLimit` in next.config.mjs
   * (a test compares them): the proxy refuses what Next would refuse later with a 500.
   */
  serverAction: 1024 * 1024,
  /** The sign-in form: an email, a password and the CSRF token. */
  signIn: 16 * 1024,
  /** The anonymous order lookup: a number (64), an email (254) and the language, a few hundred bytes encoded. */
  trackLookup: 4 * 1024,
  /** A return or complaint from the tracking page: a quantity per item (an order holds at most 1,000) and a description of 2,000 characters. */
  trackReturn: 64 * 1024,
  /** A carrier's tracking webhook: a status report is a few hundred bytes, ShipX's offer lists a few kB. */
  carrierWebhook: 64 * 1024,
} as const;

export type BodySurface = keyof typeof BODY_LIMITS;

/** Deeper JSON than this is refused before anything walks it (a walk deep enough overflows the stack). */
export const MAX_JSON_DEPTH = 32;

/** "1 MB", "16 kB": the limit as people read it in a refusal. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} kB`;
  return `${bytes} bytes`;
}

export function tooLargeMessage(limit: number): string {
  return `The request body is larger than the ${formatLimit(limit)} this endpoint accepts.`;
}
