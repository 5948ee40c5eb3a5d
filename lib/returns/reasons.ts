/** The reasons a customer picks from for a return; the catalogue words them (`returns.reasons`). */
export const RETURN_REASONS = ["changed_mind", "wrong_size", "not_as_described", "damaged", "arrived_late", "other"] as const;

export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Most characters a customer's description of a return or complaint may hold. */
export const DESCRIPTION_MAX = 2_000;
