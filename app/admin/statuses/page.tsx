import Link from "next/link";
import { PresetPanel } from "@/components/admin/preset-panel";
import { NewGroupForm } from "@/components/admin/new-group-form";
import { StatusBoard } from "@/components/admin/status-board";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listStatusesByGroup } from "@/db/queries/workflow";
import { STATUS_PRESETS } from "@/db/seed/presets";
import { requirePageUser } from "@/lib/auth";
import {
  applyPresetAction,
  createGroupAction,
  deleteGroupAction,
  reorderGroupsAction,
  saveLayoutAction,
  updateGroupAction,
} from "./actions";

export const metadata = { title: "Statuses" };

export default async function StatusesPage() {
  await requirePageUser("admin");
  const board = await listStatusesByGroup({ db: await getDb() });
  const groups = board.map(({ group, statuses }) => ({
    id: group.id,
    name: group.name,
    colour: group.colour,
    kind: group.kind,
    statusIds: statuses.map((s) => s.id),
  }));
  const statuses = board.flatMap((b) =>
    b.statuses.map((s) => ({ id: s.id, code: s.code, name: s.name, colour: s.colour, archived: s.archivedAt !== null })),
  );
  const presets = STATUS_PRESETS.map((p) => ({ key: p.key, name: p.name.en, description: p.description, statusCount: p.statuses.length }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Statuses</h1>
          <p className="text-sm text-slate-600">
            Drag statuses to reorder them or move them to another group; drag a group by its handle to reorder groups. Keyboard: focus a
            handle, Space, arrow keys, Space.
          </p>
        </div>
        <Link href="/admin/statuses/new" className={buttonClasses("primary")}>
          New status
        </Link>
      </div>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          No groups yet. Apply a preset below or add a group.
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
        <Card title="Add a group">
          <NewGroupForm createGroup={createGroupAction} />
        </Card>
        <Card title="Presets">
          <PresetPanel presets={presets} workflowEmpty={statuses.length === 0} applyPreset={applyPresetAction} />
        </Card>
      </div>
    </div>
  );
}
