import type { UserTokenPurpose } from "@/db/schema";

export const PERSON_STATES = ["active", "invited", "invitation_expired", "must_set_password", "disabled"] as const;
export type PersonState = (typeof PERSON_STATES)[number];

/**
 * Where a person stands, from their row and their newest link: disabled; without a password
 * because they were invited (the invitation open or expired) or because they must choose a new
 * one; or active.
 */
export function personState(
  person: { disabledAt: Date | null; hasPassword: boolean },
  latestToken: { purpose: UserTokenPurpose; expiresAt: Date; usedAt: Date | null } | null,
  now = new Date(),
): PersonState {
  if (person.disabledAt) return "disabled";
  if (person.hasPassword) return "active";
  if (latestToken?.purpose === "password_reset") return "must_set_password";
  const open = latestToken && !latestToken.usedAt && latestToken.expiresAt.getTime() > now.getTime();
  return open ? "invited" : "invitation_expired";
}
