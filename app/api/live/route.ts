import { connection } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { getChangeStamp } from "@/db/queries/board";
import { authorize, getCurrentUser } from "@/lib/auth";
import { getLiveHub } from "@/lib/live/process-hub";
import { openChangeStream } from "@/lib/live/stream";

const orderTypeIds = z.array(z.coerce.number().int().positive()).max(100);

/**
 * GET /api/live[?type=<order type id>...] → `text/event-stream` of committed order changes, for
 * the board and the order list (ADR 0150). Every member who may open those screens sees every
 * order on them (a role's status rights limit what it may move, not what it sees), so the stream
 * sends what they would see there: the changes of the order types the screen asks for.
 */
export async function GET(request: Request) {
  await connection();
  const allowed = authorize(await getCurrentUser(), "staff");
  if (!allowed.ok) {
    const status = allowed.error.code === "unauthorized" ? 401 : 403;
    return Response.json({ code: allowed.error.code, message: allowed.error.message }, { status });
  }
  const types = orderTypeIds.safeParse(new URL(request.url).searchParams.getAll("type"));
  if (!types.success) return Response.json({ code: "validation_failed", message: "type: order type ids" }, { status: 400 });

  let stream: ReadableStream<Uint8Array> | null;
  try {
    stream = await openChangeStream({
      hub: getLiveHub(),
      orderTypeIds: types.data.length ? types.data : undefined,
      readStamp: async () => getChangeStamp({ db: await getDb() }),
      signal: request.signal,
    });
  } catch (error) {
    console.error("live updates: cannot listen", error);
    stream = null;
  }
  // Full, or the database is away: the screen polls meanwhile and tries again later.
  if (!stream) return Response.json({ code: "unavailable", message: "Live updates are not available now." }, { status: 503, headers: { "Retry-After": "5" } });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression (and any proxy's) would hold events back to fill a block.
      "Cache-Control": "no-cache, no-transform",
      // nginx buffers answers unless told not to (README, Deployment).
      "X-Accel-Buffering": "no",
    },
  });
}
