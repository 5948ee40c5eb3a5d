import { asc } from "drizzle-orm";
import { orderTypes, transitions } from "@/db/schema";
import { ok } from "@/lib/result";
import { defineRoute } from "../route";
import { orderTypeListSchema, statusListSchema } from "../schemas";
import { loadLookups, statusView } from "../views";

export const listStatuses = defineRoute({
  method: "GET",
  path: "/statuses",
  operationId: "listStatuses",
  tag: "Workflow",
  summary: "List statuses",
  description: "Every status with its code (the ID to map an ERP's statuses to), group, payment flags and marketplace codes, in board order. Archived statuses are included and flagged.",
  scope: "read",
  response: { status: 200, description: "The statuses", schema: statusListSchema },
  errors: [],
  handle: async ({ db }) => {
    const lookups = await loadLookups(db);
    const groupOrder = [...lookups.groupById.keys()];
    const all = [...lookups.statusById.values()].sort(
      (a, b) => groupOrder.indexOf(a.groupId) - groupOrder.indexOf(b.groupId) || a.position - b.position || a.id - b.id,
    );
    return ok({ data: all.map((s) => statusView(s, lookups)) });
  },
});

export const listOrderTypes = defineRoute({
  method: "GET",
  path: "/order-types",
  operationId: "listOrderTypes",
  tag: "Workflow",
  summary: "List order types with their transition matrices",
  description: "Each order type's initial status and the allowed transitions as [from, to] status-code pairs. A pair not listed is refused by `POST /orders/{number}/transitions`.",
  scope: "read",
  response: { status: 200, description: "The order types", schema: orderTypeListSchema },
  errors: [],
  handle: async ({ db }) => {
    const [lookups, types, cells] = await Promise.all([
      loadLookups(db),
      db.select().from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.id)),
      db.select().from(transitions),
    ]);
    const code = (id: number) => lookups.statusById.get(id)?.code ?? "";
    return ok({
      data: types.map((t) => ({
        code: t.code,
        name: t.name,
        initialStatus: code(t.initialStatusId),
        transitions: cells
          .filter((c) => c.orderTypeId === t.id)
          .map((c): [string, string] => [code(c.fromStatusId), code(c.toStatusId)])
          .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
      })),
    });
  },
});
