import { getLocale, getTranslations } from "next-intl/server";
import { BoardFiltersForm } from "@/components/board/board-filters";
import { KanbanBoard } from "@/components/board/kanban-board";
import { LiveUpdates } from "@/components/board/live-updates";
import { getDb } from "@/db";
import {
  BOARD_PAGE_SIZE,
  getChangeStamp,
  listBoardOrderTypes,
  listBoardStatuses,
  listCommentTemplates,
  listFilterFacets,
  loadBoard,
  withStatusNames,
} from "@/db/queries/board";
import { requirePageUser } from "@/lib/auth";
import { loadWorkflowDefinition } from "@/lib/orders";
import { loadStatusRights, withStatusRights } from "@/lib/roles/status-rights";
import { isTerminal } from "@/lib/workflow";
import { moveCardAction } from "./actions";
import { undoChangeAction } from "../undo/actions";
import { previewChangeAction } from "../preview/actions";
import { boardSearchSchema, columnLimits, filtersOf } from "./params";

export async function generateMetadata() {
  const t = await getTranslations("common");
  return { title: t("nav.board") };
}

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requirePageUser("staff");
  const search = boardSearchSchema.parse(await searchParams);
  const [db, locale, t, common] = await Promise.all([getDb(), getLocale(), getTranslations("board"), getTranslations("common")]);
  const types = await listBoardOrderTypes({ db, locale });
  const type = types.find((t) => t.code === search.type) ?? types[0];
  if (!type) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">{t("noOrderTypes")}</p>;
  }
  const filters = filtersOf(search);
  const limits = columnLimits(search.more);
  const [statusRows, definition, facets, stamp] = await Promise.all([
    listBoardStatuses({ db, orderTypeId: type.id, locale }),
    loadWorkflowDefinition(db, type.id),
    listFilterFacets({ db }),
    getChangeStamp({ db }),
  ]);
  // The columns this person's role may not use are dimmed with why, by the same engine.
  const rights = await loadStatusRights(db, user.role.id);
  const columns = statusRows.map((s) => ({
    statusId: s.id,
    slaHours: s.slaHours,
    limit: limits.get(s.id) ?? BOARD_PAGE_SIZE,
    newestFirst: isTerminal(s.group.kind),
  }));
  const [data, templates] = await Promise.all([
    loadBoard({ db, orderTypeId: type.id, columns, filters }),
    listCommentTemplates({ db, statusIds: statusRows.map((s) => s.id) }),
  ]);

  return (
    // The board breaks out of the page's reading width: on a wide screen more columns fit.
    <div className="relative left-1/2 w-[calc(100vw-1rem)] -translate-x-1/2 space-y-4 px-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{common("nav.board")}</h1>
        <LiveUpdates stamp={stamp} scope={{ orderTypeIds: [type.id] }} />
      </div>
      <BoardFiltersForm types={types} typeCode={type.code} search={search} facets={facets} />
      <KanbanBoard
        key={type.id}
        statuses={statusRows}
        cards={Object.fromEntries(data.cards)}
        counts={Object.fromEntries(data.counts)}
        limits={Object.fromEntries(columns.map((c) => [c.statusId, c.limit]))}
        definition={definition ? withStatusRights(withStatusNames(definition, statusRows), rights, type.id) : { statuses: [], transitions: [], initialStatusId: 0 }}
        templates={templates}
        // eslint-disable-next-line react-hooks/purity -- a server component renders once per request; this is the request's time
        now={Date.now()}
        move={moveCardAction}
        undo={undoChangeAction}
        preview={previewChangeAction}
      />
    </div>
  );
}
