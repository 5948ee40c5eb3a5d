import type { UserRole } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";

export type SessionUser = { id: number; email: string; name: string; role: UserRole };

export function hasRole(user: SessionUser, role: UserRole): boolean {
  // Admins can do everything staff can.
  return role === "staff" || user.role === "admin";
}

/** The one role check behind every server action and route handler. */
export function authorize(user: SessionUser | undefined, role: UserRole): Result<SessionUser> {
  if (!user) return refuse("unauthorized", "Your session has ended. Please sign in again.");
  if (!hasRole(user, role)) return refuse("forbidden", "You do not have permission to do this.");
  return { ok: true, value: user };
}
