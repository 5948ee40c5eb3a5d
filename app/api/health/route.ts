import { connection } from "next/server";
import { getDbHandle } from "@/db";
import { getOutboxBacklog } from "@/db/queries/outbox";

/** Liveness and the signals an operator needs first: which database, and is mail piling up. */
export async function GET() {
  await connection();
  try {
    const handle = await getDbHandle();
    const outbox = await getOutboxBacklog({ db: handle.db });
    return Response.json({ status: "ok", database: handle.kind, outbox });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json({ status: "error", detail: "The database is not reachable." }, { status: 503 });
  }
}
