import { getDb } from "@/db";
import { getChangeStamp } from "@/db/queries/board";
import { authorize, getCurrentUser } from "@/lib/auth";

/**
 * GET /board/changes → { stamp }: polled every few seconds by open boards and lists while their
 * live stream (GET /api/live, ADR 0150) is down. A route
 * handler rather than a server action, so polling never queues behind (or delays) a person's
 * own changes in the router's action queue.
 */
export async function GET() {
  const allowed = authorize(await getCurrentUser(), "staff");
  if (!allowed.ok) return Response.json({ code: allowed.error.code, message: allowed.error.message }, { status: 401 });
  const stamp = await getChangeStamp({ db: await getDb() });
  return Response.json({ stamp }, { headers: { "Cache-Control": "no-store" } });
}
