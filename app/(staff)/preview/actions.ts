"use server";

import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { previewStatusChange, previewStatusChanges } from "@/lib/change-preview";
import { ok } from "@/lib/result";
import { bulkChunkSchema, bulkInputOf, singleChangeSchema, transitionInputOf } from "@/lib/status-change-input";

/**
 * What a change a screen is about to make would do (order page, board, list menu): the same input
 * the change's own action takes, through the same transition service, never kept. The status
 * rights of the person's role apply, because the real transition checks them. Changes nothing, so
 * nothing to revalidate; a refusal is the change's own.
 */
export const previewChangeAction = serverAction({
  role: "staff",
  schema: singleChangeSchema,
  handler: async (input, user) => {
    const [db, locale] = await Promise.all([getDb(), getLocale()]);
    return previewStatusChange(db, { ...transitionInputOf(input, actorOf(user)), locale });
  },
});

/** The same for a bulk change, in counts: one chunk of the bulk form (its selection fits one). */
export const previewBulkChangeAction = serverAction({
  role: "staff",
  schema: bulkChunkSchema,
  handler: async (input, user) => ok(await previewStatusChanges(await getDb(), bulkInputOf(input, actorOf(user)))),
});
