import "server-only";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db";
import { orderTypes, statuses, statusGroups } from "@/db/schema";
import type { NameTranslations } from "@/db/schema/workflow";
import { serverAction } from "@/lib/auth";
import type { ActionOptions, ActionRole } from "@/lib/auth/action";
import { nameIn } from "@/lib/i18n/name-in";
import { namesWorkflowThings, refusalInReaderNames, strandingInReaderNames, type ReaderName, type ReaderNames } from "@/lib/i18n/refusal-names";
import { ok, type Result } from "@/lib/result";
import type { ImportPreview } from "@/lib/workflow-config";

/** Names as the reader's screen shows them, by id and by stored name (lib/i18n/refusal-names.ts). */
function readerName(rows: { id: number; name: string; translations: NameTranslations }[], locale: string): ReaderName {
  const byId = new Map(rows.map((r) => [r.id, nameIn(r, locale)]));
  const byStoredName = new Map(rows.map((r) => [r.name, nameIn(r, locale)]));
  return (stored) => (stored.id === undefined ? undefined : byId.get(stored.id)) ?? byStoredName.get(stored.name) ?? stored.name;
}

/** The reader's names for statuses, order types and groups: read only when a reply names some. */
async function loadReaderNames(): Promise<ReaderNames> {
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  const [statusRows, typeRows, groupRows] = await Promise.all([
    db.select({ id: statuses.id, name: statuses.name, translations: statuses.translations }).from(statuses),
    db.select({ id: orderTypes.id, name: orderTypes.name, translations: orderTypes.translations }).from(orderTypes),
    db.select({ id: statusGroups.id, name: statusGroups.name, translations: statusGroups.translations }).from(statusGroups),
  ]);
  return { status: readerName(statusRows, locale), orderType: readerName(typeRows, locale), group: readerName(groupRows, locale) };
}

/**
 * A workflow write's refusal with the statuses, order types and groups it names as the admin's
 * screen names them: the services answer stored names, which the API keeps.
 */
export async function inReaderNames<T>(result: Result<T>): Promise<Result<T>> {
  if (result.ok || !namesWorkflowThings(result.error)) return result;
  return { ok: false, error: refusalInReaderNames(result.error, await loadReaderNames()) };
}

/** An import's preview with the open orders it would strand named as the admin's screen names them. */
export async function previewInReaderNames(result: Result<ImportPreview>): Promise<Result<ImportPreview>> {
  if (!result.ok || result.value.stranding.total === 0) return result;
  return ok({ ...result.value, stranding: strandingInReaderNames(result.value.stranding, await loadReaderNames()) });
}

/** A server action that writes the workflow: `serverAction`, its refusals in the reader's names. */
export function workflowAction<R extends ActionRole, S extends z.ZodType, T>(options: ActionOptions<R, S, T>) {
  return serverAction<R, S, T>({ ...options, handler: async (input, user) => inReaderNames(await options.handler(input, user)) });
}
