import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { LiveUpdates } from "@/components/board/live-updates";
import { OrderFilters } from "@/components/orders/order-filters";
import { OrderTable, type SortHeader } from "@/components/orders/order-table";
import { Pagination } from "@/components/orders/pagination";
import type { ListWorkflow } from "@/components/orders/types";
import { getDb } from "@/db";
import { getChangeStamp, listBoardOrderTypes, listBoardStatuses, listCommentTemplates, listFilterFacets, withStatusNames } from "@/db/queries/board";
import { ORDER_SORTS, listOrders, listStatusesForFilter } from "@/db/queries/orders";
import { requirePageUser } from "@/lib/auth";
import { loadWorkflowDefinition } from "@/lib/orders";
import { loadStatusRights, withStatusRights } from "@/lib/roles/status-rights";
import { idSearchParam, orderSearchParam, pageSearchParam, textSearchParam } from "@/lib/url-params";
import { bulkChangeAction, finishBulkChangeAction, inlineChangeAction } from "./actions";
import { undoChangesAction } from "../undo/actions";
import { previewBulkChangeAction, previewChangeAction } from "../preview/actions";

export async function generateMetadata() {
  const t = await getTranslations("common");
  return { title: t("nav.orders") };
}

const searchSchema = z.object({
  page: pageSearchParam,
  status: idSearchParam,
  q: orderSearchParam,
  type: textSearchParam,
  channel: textSearchParam,
  courier: textSearchParam,
  payment: textSearchParam,
  paid: z.enum(["paid", "unpaid"]).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  sort: z.enum(ORDER_SORTS).catch("created"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});

/** The table's columns; each header's words are the catalogue's `orders.columns`. */
const COLUMNS: { key: string; label: "number" | "customer" | "status" | "inStatus" | "channel" | "total" | "payment" | "created"; sort?: (typeof ORDER_SORTS)[number]; className?: string }[] = [
  { key: "number", label: "number", sort: "number" },
  { key: "customer", label: "customer", sort: "customer" },
  { key: "status", label: "status" },
  { key: "in_status", label: "inStatus", sort: "in_status" },
  { key: "channel", label: "channel" },
  { key: "total", label: "total", sort: "total", className: "text-right" },
  { key: "payment", label: "payment" },
  { key: "created", label: "created", sort: "created" },
];

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requirePageUser("staff");
  const params = searchSchema.parse(await searchParams);
  const [db, locale, t, common] = await Promise.all([getDb(), getLocale(), getTranslations("orders"), getTranslations("common")]);
  const types = await listBoardOrderTypes({ db, locale });
  const type = types.find((t) => t.code === params.type);
  const filters = {
    statusId: params.status,
    search: params.q || undefined,
    orderTypeId: type?.id,
    channel: params.channel || undefined,
    courier: params.courier || undefined,
    paymentMethod: params.payment || undefined,
    paid: params.paid,
    overdue: params.overdue === "1",
  };
  const [{ rows, totalCount, pageCount }, statuses, facets, stamp, workflows, rights] = await Promise.all([
    listOrders({ db, locale, page: params.page, sort: params.sort, dir: params.dir, ...filters }),
    listStatusesForFilter({ db, locale }),
    listFilterFacets({ db }),
    getChangeStamp({ db }),
    Promise.all(types.map(async (t) => ({ id: t.id, definition: await loadWorkflowDefinition(db, t.id), statuses: await listBoardStatuses({ db, orderTypeId: t.id, locale }) }))),
    loadStatusRights(db, user.role.id),
  ]);
  const templates = await listCommentTemplates({ db, statusIds: statuses.map((s) => s.id) });
  const workflow: ListWorkflow = { definitions: {}, statuses: {} };
  for (const w of workflows) {
    // As this person meets them: the inline menu offers only the statuses their role may use.
    if (w.definition) workflow.definitions[w.id] = withStatusRights(withStatusNames(w.definition, w.statuses), rights, w.id);
    for (const s of w.statuses) workflow.statuses[s.id] = s;
  }

  const query = (changes: Record<string, string | undefined>) => {
    const merged = { ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === undefined ? undefined : String(v)])), ...changes };
    const qs = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1]) && !(e[0] === "page" && e[1] === "1")));
    return qs.size ? `/orders?${qs}` : "/orders";
  };
  const headers: SortHeader[] = COLUMNS.map((c) => {
    const label = t(`columns.${c.label}`);
    if (!c.sort) return { key: c.key, label, className: c.className };
    const current = params.sort === c.sort;
    const nextDir = current && params.dir === "asc" ? "desc" : "asc";
    return {
      key: c.key,
      label,
      className: c.className,
      href: query({ sort: c.sort, dir: nextDir, page: undefined }),
      direction: current ? (params.dir === "asc" ? "ascending" : "descending") : undefined,
    };
  });
  const anyFilter = Object.values(filters).some((v) => v !== undefined && v !== false);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{common("nav.orders")}</h1>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            {t("total", { count: totalCount })}{" "}
            <LiveUpdates
              stamp={stamp}
              scope={{ orderTypeIds: type ? [type.id] : undefined, statusIds: params.status ? [params.status] : undefined, orderIds: rows.map((r) => r.id) }}
            />
          </div>
        </div>
      </div>
      <OrderFilters
        values={{ q: params.q, status: params.status, type: params.type, channel: params.channel, courier: params.courier, payment: params.payment, paid: params.paid, overdue: params.overdue }}
        statuses={statuses}
        types={types}
        facets={facets}
      />
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          {anyFilter ? t("empty.noMatch") : t("empty.none")}
        </div>
      ) : (
        <>
          <OrderTable
            rows={rows}
            // eslint-disable-next-line react-hooks/purity -- a server component renders once per request; this is the request's time
            now={Date.now()}
            headers={headers}
            workflow={workflow}
            templates={templates}
            actions={{
              inline: inlineChangeAction,
              bulk: bulkChangeAction,
              finishBulk: finishBulkChangeAction,
              undoAll: undoChangesAction,
              preview: previewChangeAction,
              previewBulk: previewBulkChangeAction,
            }}
          />
          <Pagination
            page={Math.min(params.page, pageCount)}
            pageCount={pageCount}
            hrefFor={(page) => query({ page: String(page) })}
            labels={{
              nav: t("pagination.nav"),
              previous: t("pagination.previous"),
              next: t("pagination.next"),
              pageOf: (page, pageCount) => t("pagination.pageOf", { page, pageCount }),
            }}
          />
        </>
      )}
    </div>
  );
}
