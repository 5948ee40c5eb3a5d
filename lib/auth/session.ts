import "server-only";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { getDb } from "@/db";
import type { Actor } from "@/lib/orders";
import { isLocale } from "@/lib/i18n/locales";
import { createServerAction } from "./action";
import { hasAccess, type Access, type SessionUser } from "./authorize";
import { auth } from "./config";
import { findSessionUser } from "./sessions";

/**
 * The signed-in, still-active user, read once per request. A valid token is not enough: its
 * server-side session must still be open (not signed out, not ended for the person).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | undefined> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0 || !session?.sessionId) return undefined;
  const found = await findSessionUser(await getDb(), { id: session.sessionId, userId: id });
  if (!found) return undefined;
  const { user, role } = found;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: { id: role.id, builtIn: role.builtIn === "admin" || role.builtIn === "staff" ? role.builtIn : null, name: role.name, areas: role.areas },
    locale: isLocale(user.locale) ? user.locale : null,
  };
});

/** For pages: sends the visitor to sign in, or to a 403 page when their role does not open the page's area. */
export async function requirePageUser(access: Access = "staff"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!hasAccess(user, access)) redirect("/forbidden");
  return user;
}

export const serverAction = createServerAction(getCurrentUser, () => getTranslations());

/** The signed-in person as the one who made a change: in an order's history and in the audit trail. */
export function actorOf(user: SessionUser): Actor & { type: "user"; id: string } {
  return { type: "user", id: String(user.id), label: user.name };
}
