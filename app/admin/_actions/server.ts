import "server-only";
import { getDb } from "@/db";
import { authedAction } from "@/lib/auth";
import { workflowActions } from "./definitions";

/** The studio's actions bound to the real session, for the "use server" modules beside the pages. */
export const adminActions = workflowActions(authedAction, getDb);
