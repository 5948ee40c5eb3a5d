import type { DbOrTx } from "@/db";
import { readJson } from "@/lib/api/read-json";
import { problemFromRefusal, problemOf, problemResponse } from "@/lib/api/problem";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { checkCarrierAddress, receiveCarrierWebhook } from "./receive";

const NO_STORE = { "cache-control": "no-store" };

/**
 * `/api/carriers/{carrier}/{secret}` as one function of a database and a request, as /api/v1 is,
 * so tests drive it without a server. The secret is checked before the body is read: a stranger
 * gets 401 for the price of one lookup. A GET answers 200 once the address is right, which is how
 * InPost checks an address when it is saved. Refusals are RFC 9457 problems, like the API's.
 */
export async function handleCarrierRequest(db: DbOrTx, request: Request, address: { carrier: string; secret: string }): Promise<Response> {
  try {
    const checked = await checkCarrierAddress(db, address);
    if (!checked.ok) return problemResponse(problemFromRefusal(checked.error), NO_STORE, { bearer: false });
    if (request.method !== "POST") return Response.json({ carrier: address.carrier, receiving: true }, { headers: NO_STORE });
    const body = await readJson(request, BODY_LIMITS.carrierWebhook);
    if (!body.ok) return problemResponse(body.problem, NO_STORE);
    const receipt = await receiveCarrierWebhook(db, { carrier: address.carrier, body: body.value });
    if (!receipt.ok) return problemResponse(problemFromRefusal(receipt.error), NO_STORE);
    return Response.json(receipt.value, { headers: NO_STORE });
  } catch (error) {
    console.error(`carrier webhook ${address.carrier} failed`, error);
    // 500: the carrier tries again later, and a report already recorded is not recorded twice.
    return problemResponse(problemOf("internal_error", "Something went wrong on our side. Nothing was recorded; send it again later."), NO_STORE);
  }
}
