import "server-only";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db";
import { orderTypes, statuses, statusGroups } from "@/db/schema";
import type { NameTranslations } from "@/db/schema/workflow";
import { serverAction } from "@/lib/auth";
import type { ActionOptions, ActionRole } from "@/lib/auth/action";
import { nameIn } from "@/lib/i18n/name-in";
import { namesWorkflowThings, refusalInReaderNames } from "@/lib/i18n/refusal-names";
import type { Result } from "@/lib/result";

type Named = { id: number; name: string; translations: NameTranslations };

/** A thing's name in `locale`, found by id where the refusal has it, else by its stored name. */
function namesIn(rows: Named[], locale: string) {
  const byId = new Map(rows.map((r) => [r.id, nameIn(r, locale)]));
  const byStoredName = new Map(rows.map((r) => [r.name, nameIn(r, locale)]));
  return (stored: { id?: number; name: string }) => (stored.id === undefined ? undefined : byId.get(stored.id)) ?? byStoredName.get(stored.name) ?? stored.name;
}

/**
 * A workflow write's refusal with the statuses, order types and groups it names as the admin's
 * screen names them: the services answer stored names, which the API keeps.
 */
export async function inReaderNames<T>(result: Result<T>): Promise<Result<T>> {
  if (result.ok || !namesWorkflowThings(result.error)) return result;
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  const columns = <Table extends typeof statuses | typeof orderTypes | typeof statusGroups>(table: Table) => ({ id: table.id, name: table.name, translations: table.translations });
  const [statusRows, typeRows, groupRows] = await Promise.all([
    db.select(columns(statuses)).from(statuses),
    db.select(columns(orderTypes)).from(orderTypes),
    db.select(columns(statusGroups)).from(statusGroups),
  ]);
  const group = namesIn(groupRows, locale);
  const error = refusalInReaderNames(result.error, { status: namesIn(statusRows, locale), orderType: namesIn(typeRows, locale), group: (name) => group({ name }) });
  return { ok: false, error };
}

/** A server action that writes the workflow: `serverAction`, its refusals in the reader's names. */
export function workflowAction<R extends ActionRole, S extends z.ZodType, T>(options: ActionOptions<R, S, T>) {
  return serverAction<R, S, T>({ ...options, handler: async (input, user) => inReaderNames(await options.handler(input, user)) });
}
