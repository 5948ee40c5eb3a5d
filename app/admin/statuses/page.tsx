import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PresetPanel } from "@/components/admin/preset-panel";
import { editableNames } from "@/components/admin/name-translations";
import { NewGroupForm } from "@/components/admin/new-group-form";
import { StatusBoard } from "@/components/admin/status-board";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listStatusesByGroup } from "@/db/queries/workflow";
import { OFFERED_PRESETS } from "@/db/seed/offered-presets";
import { requirePageUser } from "@/lib/auth";
import { nameIn } from "@/lib/i18n/name-in";
import {
  applyPresetAction,
  createGroupAction,
  deleteGroupAction,
  reorderGroupsAction,
  saveLayoutAction,
  updateGroupAction,
} from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("statuses");
  return { title: t("metaTitle") };
}

export default async function StatusesPage() {
  await requirePageUser("admin");
  const [t, locale] = await Promise.all([getTranslations("statuses"), getLocale()]);
  const board = await listStatusesByGroup({ db: await getDb() });
  const groups = board.map(({ group, statuses }) => ({
    id: group.id,
    name: nameIn(group, locale),
    stored: editableNames(group),
    colour: group.colour,
    kind: group.kind,
    statusIds: statuses.map((s) => s.id),
  }));
  const statuses = board.flatMap((b) =>
    b.statuses.map((s) => ({ id: s.id, code: s.code, name: nameIn(s, locale), colour: s.colour, archived: s.archivedAt !== null })),
  );
  const presets = OFFERED_PRESETS.map((p) => ({
    key: p.key,
    name: p.name[locale],
    description: t(`preset.descriptions.${p.key}`),
    statusCount: p.statuses.length,
  }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <Link href="/admin/statuses/new" className={buttonClasses("primary")}>
          {t("newStatus")}
        </Link>
      </div>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {t("noGroups")}
        </p>
      ) : (
        <StatusBoard
          groups={groups}
          statuses={statuses}
          saveLayout={saveLayoutAction}
          reorderGroups={reorderGroupsAction}
          updateGroup={updateGroupAction}
          deleteGroup={deleteGroupAction}
        />
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("addGroupCard")}>
          <NewGroupForm createGroup={createGroupAction} />
        </Card>
        <Card title={t("presetsCard")}>
          <PresetPanel presets={presets} workflowEmpty={statuses.length === 0} applyPreset={applyPresetAction} />
        </Card>
      </div>
    </div>
  );
}
