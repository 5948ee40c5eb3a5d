import type { BuiltInRole } from "@/db/schema";

/**
 * A role's name for the reader: the built-in roles are named by the catalogue ("Administrator",
 * "Pracownik"), so they read right in either language; the shop's own roles by the name it gave them.
 */
export function roleName(role: { builtIn: BuiltInRole | string | null; name: string }, builtInName: (key: BuiltInRole) => string): string {
  return role.builtIn === "admin" || role.builtIn === "staff" ? builtInName(role.builtIn) : role.name;
}
