import type { UserRole } from "@/db/schema";
import { openAppDatabase } from "./app-database";
import type { ScratchDatabase } from "./database";
import { startNextServer, type NextServer } from "./next-server";
import { createRouteRows, type RouteRows } from "./route-rows";
import { signInAs } from "./sign-in";

/** Who calls: nobody signed in, or a session of one role. */
export type Caller = "anonymous" | UserRole;
export const CALLERS: readonly Caller[] = ["anonymous", "staff", "admin"];

/** The runtime scenarios' port: clear of `npm run dev` (3000) and the end-to-end servers (3100 by default). */
const APP_PORT = 3400;

export type RunningApp = {
  database: ScratchDatabase;
  server: NextServer;
  rows: RouteRows;
  /** The Cookie header each caller sends ("" for anonymous). */
  cookies: Record<Caller, string>;
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
    const cookies = { anonymous: "", staff: await signInAs(server.url, "staff"), admin: await signInAs(server.url, "admin") };
    return { database, server, rows, cookies, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
