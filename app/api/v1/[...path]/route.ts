import { connection } from "next/server";
import { getDb } from "@/db";
import { handleApiRequest } from "@/lib/api";

/** All of /api/v1 goes through one dispatcher: the route registry that also writes the OpenAPI document. */
async function handle(request: Request): Promise<Response> {
  await connection();
  return handleApiRequest(await getDb(), request);
}

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
