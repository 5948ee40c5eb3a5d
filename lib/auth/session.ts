import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import type { UserRole } from "@/db/schema";
import type { Actor } from "@/lib/orders";
import { createAuthedAction } from "./action";
import { hasRole, type SessionUser } from "./authorize";
import { auth } from "./config";
import { findActiveUser } from "./users";

/** The signed-in, still-active user, read once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | undefined> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  const user = await findActiveUser(await getDb(), id);
  return user && { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: sends the visitor to sign in, or to a 403 page when the role is too low. */
export async function requirePageUser(role: UserRole = "staff"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!hasRole(user, role)) redirect("/forbidden");
  return user;
}

export const authedAction = createAuthedAction(getCurrentUser);

export function actorOf(user: SessionUser): Actor {
  return { type: "user", id: String(user.id), label: user.name };
}
