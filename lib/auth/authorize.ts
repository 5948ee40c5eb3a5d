import type { BuiltInRole, RoleArea } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { refuse, type Result } from "@/lib/result";

/**
 * What an entry point asks of its caller: "staff" is any signed-in, active member (the board, the
 * order list and the order pages are every member's work); an area is a part only some roles open.
 */
export type Access = "staff" | RoleArea;

/** The signed-in person's role, as read with their session on every request. */
export type SessionRole = {
  id: number;
  /** "admin" or "staff" for the built-in roles, whose names come from the catalogue; null for the shop's own. */
  builtIn: BuiltInRole | null;
  name: string;
  areas: readonly RoleArea[];
};

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: SessionRole;
  /** The screen language the user chose; null or absent: follow the browser, then the shop. */
  locale?: Locale | null;
};

export function hasAccess(user: SessionUser, access: Access): boolean {
  return access === "staff" || user.role.areas.includes(access);
}

/** The one access check behind every server action and route handler. */
export function authorize(user: SessionUser | undefined, access: Access): Result<SessionUser> {
  if (!user) return refuse("unauthorized", "Your session has ended. Please sign in again.");
  if (!hasAccess(user, access)) return refuse("forbidden", "You do not have permission to do this.");
  return { ok: true, value: user };
}
