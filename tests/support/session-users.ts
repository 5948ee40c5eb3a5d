import { BUILT_IN_AREAS } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/authorize";

/** Signed-in people for tests that call an action or a check without a request. */
export const STAFF_USER: SessionUser = {
  id: 2,
  email: "staff@example.com",
  name: "Stan",
  role: { id: 2, builtIn: "staff", name: "staff", areas: BUILT_IN_AREAS.staff },
};
export const ADMIN_USER: SessionUser = {
  id: 1,
  email: "admin@example.com",
  name: "Ada",
  role: { id: 1, builtIn: "admin", name: "admin", areas: BUILT_IN_AREAS.admin },
};
/** A role the shop defined that opens no area beside the board and the orders. */
export const WAREHOUSE_USER: SessionUser = {
  id: 3,
  email: "magazyn@example.com",
  name: "Marek",
  role: { id: 3, builtIn: null, name: "Magazyn", areas: [] },
};
