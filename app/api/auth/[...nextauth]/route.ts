import { NextRequest } from "next/server";
import { problemOf, problemResponse } from "@/lib/api/problem";
import { handlers } from "@/lib/auth";
import { BODY_LIMITS, tooLargeMessage } from "@/lib/http/body-limits";
import { readBodyWithin } from "@/lib/http/read-bounded-body";

export const { GET } = handlers;

/**
 * Auth.js parses the whole form of a sign-in or sign-out post before looking at it, so the body
 * is read here first, up to the limit, and handed on only when it fits (public: no session yet).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const body = await readBodyWithin(request, BODY_LIMITS.signIn);
  if (!body.ok) {
    return problemResponse(problemOf("payload_too_large", tooLargeMessage(BODY_LIMITS.signIn), { limit: BODY_LIMITS.signIn }));
  }
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.bytes }));
}
