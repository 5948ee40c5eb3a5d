/** How money goes back on a refund; the catalogue words them (`order.refund.methods`). A module of its own: the client form reads it. */
export const REFUND_METHODS = ["bank_transfer", "card", "cash", "store_credit"] as const;
