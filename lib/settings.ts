import type { DbOrTx } from "@/db";
import { settings, type Settings } from "@/db/schema";

/** The shop's settings; the defaults stand in until an admin saves the first row. */
export async function getSettings(db: DbOrTx): Promise<Settings> {
  const [row] = await db.select().from(settings).limit(1);
  if (row) return row;
  const [created] = await db.insert(settings).values({}).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await db.select().from(settings).limit(1);
  if (!existing) throw new Error("settings row could not be created");
  return existing;
}
