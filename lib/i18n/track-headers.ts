/**
 * Set by proxy.ts on the customer's tracking pages, read by lib/i18n/request.ts: the path (for the
 * order's token) and the `?lang=` asked for. Elsewhere the proxy does not run, so a visitor could
 * send them to another page; all they choose is the language of their own answer.
 */
export const TRACK_PATH_HEADER = "x-orderly-track-path";
export const TRACK_LANG_HEADER = "x-orderly-track-lang";
