import "server-only";
import { asc } from "drizzle-orm";
import type { EditorOptions } from "@/components/automations/types";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses } from "@/db/schema";
import type { ActionSaid } from "@/lib/automation/trace";
import { nameIn } from "@/lib/i18n/name-in";

/** The statuses and order types the automation screens offer and name, each named in the reader's language. */
export async function loadEditorOptions(db: DbOrTx, locale: string): Promise<EditorOptions> {
  const [statusRows, typeRows] = await Promise.all([
    db
      .select({ code: statuses.code, name: statuses.name, translations: statuses.translations, archivedAt: statuses.archivedAt })
      .from(statuses)
      .orderBy(asc(statuses.position), asc(statuses.id)),
    db
      .select({ code: orderTypes.code, name: orderTypes.name, translations: orderTypes.translations })
      .from(orderTypes)
      .orderBy(asc(orderTypes.position), asc(orderTypes.id)),
  ]);
  return {
    statuses: statusRows.map((s) => ({ code: s.code, name: nameIn(s, locale), archived: s.archivedAt !== null })),
    orderTypes: typeRows.map((t) => ({ code: t.code, name: nameIn(t, locale) })),
  };
}

/**
 * A status's stored name to its name in the reader's language, for reports that carry names
 * (the dry run's, the rule log's): a name with no translation stays as stored.
 */
export async function loadStatusNameIn(db: DbOrTx, locale: string): Promise<(stored: string) => string> {
  const rows = await db.select({ name: statuses.name, translations: statuses.translations }).from(statuses);
  const names = new Map(rows.map((s) => [s.name, nameIn(s, locale)]));
  return (stored) => names.get(stored) ?? stored;
}

/** An action's recorded words with the status it names in the reader's language. */
export function withStatusIn<T extends { said?: ActionSaid }>(outcome: T, nameIn: (stored: string) => string): T {
  const said = outcome.said;
  if (!said || !("status" in said.values)) return outcome;
  return { ...outcome, said: { ...said, values: { ...said.values, status: nameIn(said.values.status) } } as ActionSaid };
}
