import { connection } from "next/server";
import { getDb } from "@/db";
import { handleCarrierRequest } from "@/lib/parcels/webhook-request";

type Context = { params: Promise<{ carrier: string; secret: string }> };

/**
 * A carrier's tracking webhooks (InPost ShipX): the secret in the address is the credential, set
 * up at /admin/integrations (ADR 0159). No session: the carrier has none.
 */
async function handle(request: Request, { params }: Context): Promise<Response> {
  await connection();
  return handleCarrierRequest(await getDb(), request, await params);
}

export { handle as GET, handle as POST };
