import { randomBytes } from "node:crypto";

/** 128 bits of randomness, URL-safe: unguessable, so the tracking page needs no account. */
export function newTrackingToken(): string {
  return randomBytes(16).toString("base64url");
}
