import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { messageTemplates, orderTypes, statuses, statusGroups, transitions, type StatusGroupKind } from "@/db/schema";
import type { NameTranslations } from "@/db/schema/workflow";
import { PRESET_CUSTOMER_EMAILS } from "./preset-emails";
import { allowsEditingByDefault, DEFAULT_STATUS_GROUPS, OTHER_LOCALE, type Locale, type StatusPreset } from "./presets";
import { inTransaction } from "@/db/transaction";

export type ApplyPresetInput = {
  preset: StatusPreset;
  /** Locale of the stored names; the other locale goes into each status's `translations`. */
  locale: Locale;
  /** The type's name as stored, and in other languages when given (absent: a type already there keeps its translations). */
  orderType: { code: string; name: string; translations?: NameTranslations };
};

export type AppliedPreset = {
  orderTypeId: number;
  initialStatusId: number;
  /** Ids of the preset's statuses, by code. */
  statusIds: Record<string, number>;
};


/**
 * Inserts the default group of each kind unless a group with its key exists, named in `locale`
 * with the other language as its translation, as the preset's statuses are.
 */
export async function ensureStatusGroups(db: DbOrTx | Tx, locale: Locale): Promise<void> {
  const other = OTHER_LOCALE[locale];
  await db
    .insert(statusGroups)
    .values(DEFAULT_STATUS_GROUPS.map((g) => ({ ...g, name: g.name[locale], translations: { [other]: { name: g.name[other] } } })))
    .onConflictDoNothing({ target: statusGroups.key });
}

async function groupIdsByKind(tx: Tx): Promise<Map<StatusGroupKind, number>> {
  const rows = await tx.select().from(statusGroups).orderBy(statusGroups.position, statusGroups.id);
  const byKind = new Map<StatusGroupKind, number>();
  // The default group (key = kind) wins; an admin may have re-keyed it, so fall back to the
  // first group of that kind.
  for (const g of rows) if (g.key === g.kind) byKind.set(g.kind, g.id);
  for (const g of rows) if (!byKind.has(g.kind)) byKind.set(g.kind, g.id);
  return byKind;
}

/**
 * Writes a preset: its statuses (by code, existing ones left as the admin has them), an order
 * type using it, and its matrix. Idempotent and atomic: run it again and nothing changes but
 * the order type's name and initial status.
 */
export async function applyPreset(db: DbOrTx, input: ApplyPresetInput): Promise<AppliedPreset> {
  const { preset, locale, orderType } = input;
  const other = OTHER_LOCALE[locale];
  const codes = preset.statuses.map((s) => s.code);

  return inTransaction(db, async (tx) => {
    await ensureStatusGroups(tx, locale);
    const groups = await groupIdsByKind(tx);

    // Statuses that exist are left as they are: an admin may have renamed or recoloured them,
    // and a shared code (shipped, cancelled, ...) is the same status for every preset.
    const existing = new Set(
      (await tx.select({ code: statuses.code }).from(statuses).where(inArray(statuses.code, codes))).map(
        (r) => r.code,
      ),
    );
    const missing = preset.statuses.filter((s) => !existing.has(s.code));
    if (missing.length > 0) {
      // New statuses go after those already in their group, so a second preset does not
      // interleave its statuses with the first one's.
      const last = await tx
        .select({ groupId: statuses.groupId, position: sql<number>`max(${statuses.position})::int` })
        .from(statuses)
        .groupBy(statuses.groupId);
      const nextPosition = new Map(last.map((r) => [r.groupId, Number(r.position) + 1] as const));
      const values = missing.map((s) => {
        const groupId = groups.get(s.groupKind);
        if (groupId === undefined) throw new Error(`no status group of kind ${s.groupKind}`);
        const position = nextPosition.get(groupId) ?? 0;
        nextPosition.set(groupId, position + 1);
        return {
          code: s.code,
          name: s.name[locale],
          customerLabel: s.customerLabel?.[locale] ?? null,
          description: s.description[locale],
          colour: s.colour,
          groupId,
          position,
          requiresPayment: s.requiresPayment,
          allowCashOnDelivery: s.allowCashOnDelivery,
          awaitsPayment: s.awaitsPayment,
          allowsEditing: allowsEditingByDefault(s.groupKind),
          slaHours: s.slaHours,
          externalCodes: s.externalCodes,
          notifyCustomerEmail: s.notifyCustomerEmail,
          notifyCustomerSms: s.notifyCustomerSms,
          translations: {
            [other]: { name: s.name[other], customerLabel: s.customerLabel?.[other] ?? null },
          },
        };
      });
      // A concurrent run may have inserted some meanwhile: theirs stand.
      await tx.insert(statuses).values(values).onConflictDoNothing({ target: statuses.code });
    }

    const rows = await tx
      .select({ id: statuses.id, code: statuses.code })
      .from(statuses)
      .where(inArray(statuses.code, codes));
    const statusIds: Record<string, number> = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    const idOf = (code: string): number => {
      const id = statusIds[code];
      if (id === undefined) throw new Error(`preset ${preset.key}: unknown status code ${code}`);
      return id;
    };
    const initialStatusId = idOf(preset.initialStatus);

    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(orderTypes)
      .where(sql`${orderTypes.code} <> ${orderType.code}`);
    const [type] = await tx
      .insert(orderTypes)
      .values({ code: orderType.code, name: orderType.name, translations: orderType.translations, kind: preset.kind ?? "sale", initialStatusId, position: count })
      .onConflictDoUpdate({
        target: orderTypes.code,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          initialStatusId: sql`excluded.initial_status_id`,
          // Undefined (none given) is left out of the update, so a type keeps its translations.
          translations: orderType.translations,
        },
      })
      .returning({ id: orderTypes.id });
    if (!type) throw new Error(`order type ${orderType.code} was not written`);

    if (preset.transitions.length > 0) {
      await tx
        .insert(transitions)
        .values(
          preset.transitions.map(([from, to]) => ({
            orderTypeId: type.id,
            fromStatusId: idOf(from),
            toStatusId: idOf(to),
          })),
        )
        .onConflictDoNothing();
    }

    await addPresetEmails(tx, preset, statusIds);

    return { orderTypeId: type.id, initialStatusId, statusIds };
  });
}

/**
 * The preset's customer emails (preset-emails.ts), in both languages, for each of its statuses a
 * customer sees that has no customer email of the shop's yet. A status with one, in any language,
 * keeps what the shop wrote: a preset never overwrites or adds beside an edited message.
 */
async function addPresetEmails(tx: Tx, preset: StatusPreset, statusIds: Record<string, number>): Promise<void> {
  const wanted = preset.statuses.flatMap((s) => {
    const email = PRESET_CUSTOMER_EMAILS[s.code];
    const statusId = statusIds[s.code];
    return s.customerLabel && email && statusId !== undefined ? [{ statusId, email }] : [];
  });
  if (wanted.length === 0) return;
  const customerEmails = and(
    inArray(
      messageTemplates.statusId,
      wanted.map((w) => w.statusId),
    ),
    eq(messageTemplates.channel, "email"),
    eq(messageTemplates.audience, "customer"),
  );
  const written = new Set((await tx.selectDistinct({ statusId: messageTemplates.statusId }).from(messageTemplates).where(customerEmails)).map((r) => r.statusId));
  const values = wanted
    .filter((w) => !written.has(w.statusId))
    .flatMap(({ statusId, email }) => (["pl", "en"] as const).map((locale) => ({ statusId, channel: "email" as const, audience: "customer" as const, locale, ...email[locale] })));
  if (values.length === 0) return;
  // A concurrent run may have written some meanwhile: theirs stand.
  await tx.insert(messageTemplates).values(values).onConflictDoNothing();
}

/** The matrix pairs stored for an order type, as status codes (tests and diagnostics). */
export async function readMatrixCodes(db: DbOrTx, orderTypeId: number): Promise<[string, string][]> {
  const rows = await db
    .select({ from: transitions.fromStatusId, to: transitions.toStatusId })
    .from(transitions)
    .where(eq(transitions.orderTypeId, orderTypeId));
  const ids = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
  if (ids.length === 0) return [];
  const codeRows = await db.select({ id: statuses.id, code: statuses.code }).from(statuses).where(inArray(statuses.id, ids));
  const codeOf = new Map(codeRows.map((r) => [r.id, r.code] as const));
  return rows.map((r): [string, string] => [codeOf.get(r.from) ?? `#${r.from}`, codeOf.get(r.to) ?? `#${r.to}`]);
}
