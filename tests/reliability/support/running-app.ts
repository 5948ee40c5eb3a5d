import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { BUILT_IN_AREAS, users, type RoleArea } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { builtInRoleId } from "@/lib/roles/built-in";
import { DEMO_ACCOUNTS, DEMO_WAREHOUSE_ROLE, type DemoAccount } from "@/db/seed";
import { openAppDatabase } from "./app-database";
import type { ScratchDatabase } from "./database";
import { startNextServer, type NextServer } from "./next-server";
import { createRouteRows, type RouteRows } from "./route-rows";
import { signInAs } from "./sign-in";

/** Who calls: nobody signed in, or a session of a demo account: the two built-in roles and the shop's own warehouse role. */
export type Caller = "anonymous" | DemoAccount["role"];
export const CALLERS: readonly Caller[] = ["anonymous", "staff", "warehouse", "admin"];

/** The areas each caller's role opens, as the demo seed gives them (written out there, not read from the database). */
export const CALLER_AREAS: Record<Caller, readonly RoleArea[]> = {
  anonymous: [],
  staff: BUILT_IN_AREAS.staff,
  warehouse: DEMO_WAREHOUSE_ROLE.areas,
  admin: BUILT_IN_AREAS.admin,
};

/** The runtime scenarios' port: clear of `npm run dev` (3000) and the end-to-end servers (3100 by default). */
const APP_PORT = 3400;

export type RunningApp = {
  database: ScratchDatabase;
  server: NextServer;
  rows: RouteRows;
  /** The Cookie header each caller sends ("" for anonymous). */
  cookies: Record<Caller, string>;
  /**
   * The Cookie header of a new session for the caller: for a call that ends its session (sign-out
   * ends it on the server), so the shared session in `cookies` stays open for the other calls.
   */
  newSession: (caller: Caller) => Promise<string>;
  stop: () => Promise<void>;
};

/**
 * The built app under `next start` on a seeded scratch database with the rows its dynamic routes
 * need, and a signed-in session for staff and for an admin.
 */
export async function startRunningApp(): Promise<RunningApp> {
  const database = await openAppDatabase();
  let server: NextServer | undefined;
  const stop = async () => {
    await server?.stop();
    await database.close();
  };
  try {
    const rows = await createRouteRows(database.db);
    server = await startNextServer({ databaseUrl: database.url, port: APP_PORT });
    const url = server.url;
    const newSession = async (caller: Caller) => (caller === "anonymous" ? "" : signInAs(url, caller));
    const cookies = { anonymous: "", staff: await newSession("staff"), warehouse: await newSession("warehouse"), admin: await newSession("admin") };
    return { database, server, rows, cookies, newSession, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The demo admin as seeded: enabled, an admin, with the demo password. Actions on people may
 * rightly disable, demote or reset the admin who calls them once another admin exists; a suite
 * that goes on calling as that admin puts it back first (a change of the harness, not of the app).
 */
export async function restoreDemoAdmin(db: Db): Promise<void> {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
  await db
    .update(users)
    .set({ disabledAt: null, roleId: await builtInRoleId(db, "admin"), passwordHash: await hashPassword(admin.password) })
    .where(eq(users.email, admin.email));
}
