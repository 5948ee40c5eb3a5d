/**
 * Markup where people type: one payload per field, shared by the escaping specs and their
 * fixtures. Parsed as HTML, each would create an element marked `data-xss="<field>"`, and most
 * would also run `window.__xss = "<field>"` and open a dialog. The marker is what finds a leak on
 * the tracking page, whose Content-Security-Policy would stop the script but not the element.
 *
 * Fields are short (names 80 characters, payment method 50, postal code 20), so there are
 * payloads of several lengths; the schemas refuse one that is too long, so a fixture never
 * stores a truncated payload by accident.
 */

const run = (tag: string) => `window.__xss='${tag}';alert('${tag}')`;

/** An image that fails to load and runs its error handler: 55 + 3 × tag characters. */
const img = (tag: string) => `<img data-xss=${tag} src=x onerror="${run(tag)}">`;
/** A script element (runs when the HTML parser meets it): 50 + 3 × tag. */
const script = (tag: string) => `<script data-xss=${tag}>${run(tag)}</script>`;
/** Closes an attribute and a tag first, for text that lands inside one: 51 + 3 × tag. */
const breakout = (tag: string) => `"'><svg data-xss=${tag} onload="${run(tag)}">`;
/** For 50-character fields: 39 + 2 × tag. */
const short = (tag: string) => `<img data-xss=${tag} src=x onerror=alert('${tag}')>`;
/** For 20 to 30 characters: harmless, but an element no page may ever contain: 17 + tag. */
const mark = (tag: string) => `<b data-xss=${tag}></b>`;

export const XSS = {
  // What customers and API clients send with an order.
  customerName: `${img("name")}Ewa`,
  customerPhone: mark("phone"),
  channel: short("chan"),
  itemName: script("item"),
  sku: img("sku"),
  paymentMethod: short("pay"),
  shippingMethod: breakout("ship"),
  courier: short("cour"),
  street: img("street"),
  postalCode: mark("zip"),
  city: script("city"),
  apiComment: breakout("api-note"),
  paymentReference: img("ref"),
  apiKeyName: img("key"),
  // What staff type on the order page.
  comment: breakout("comment"),
  // What admins type in the workflow studio (or send as a workflow document).
  groupNew: img("g-new"),
  groupWork: script("g-work"),
  groupDone: breakout("g-done"),
  groupLost: img("g-lost"),
  statusNew: img("s-new"),
  statusPay: script("s-pay"),
  statusPack: breakout("s-pack"),
  statusDone: img("s-done"),
  statusLost: script("s-lost"),
  customerLabel: breakout("label"),
  translatedLabel: img("lbl-en"),
  orderTypeName: img("type"),
  templateTitle: script("tpl"),
  templateBody: breakout("tpl-body"),
  ruleName: script("rule"),
  failingRuleName: breakout("rule-fail"),
  // What admins type in the shop settings.
  shopName: img("shop"),
  bankAccount: script("bank"),
  supportPhone: mark("shop-tel"),
  /** A courier's tracking-link template: a valid address with markup after it. */
  courierLink: `https://track.example.com/?n={trackingNumber}&x=${short("link")}`,
  // Refused where they are typed: these fields take no markup at all.
  orderNumber: mark("number"),
  trackingNumber: img("parcel"),
  supportEmail: breakout("email"),
} as const;

/** The orders the escaping fixtures place in the hostile workflow, each for its own page. */
export const XSS_ORDERS = {
  /** Placed, moved and part-paid over the API; rules commented and failed on it. */
  everything: "E2E-XSS-2",
  /** Still in the first status, to be dragged on the board. */
  onBoard: "E2E-XSS-3",
  /** A retail order awaiting a bank transfer, for the shop settings on the tracking page. */
  awaitingTransfer: "E2E-XSS-4",
} as const;

/** The hostile workflow's order type and status codes (codes themselves take no markup). */
export const XSS_WORKFLOW = {
  type: "xss",
  status: { new: "xss_new", pay: "xss_pay", pack: "xss_pack", done: "xss_done", lost: "xss_lost" },
} as const;
