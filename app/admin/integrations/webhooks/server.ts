import "server-only";
import { getDb } from "@/db";
import { authedAction } from "@/lib/auth";
import { webhookActions } from "./definitions";

/** The webhook actions bound to the real session. */
export const hookActions = webhookActions(authedAction, getDb);
