import { statuses } from "@/db/schema";
import { applyImport, exportWorkflow } from "@/lib/workflow-config";
import { ok, type LintDetail, type Refusal, type Result } from "@/lib/result";
import type { DbOrTx } from "@/db";
import { defineRoute } from "../route";
import { putWorkflowQuery, workflowBody, workflowResultSchema } from "../schemas";
import { documentSchema } from "@/lib/workflow-config";

export const getWorkflowRoute = defineRoute({
  method: "GET",
  path: "/workflow",
  operationId: "getWorkflow",
  tag: "Workflow",
  summary: "Export the workflow configuration",
  description: "Groups, statuses (with comment templates) and order types with their matrices as one document, addressed by key and code: keep it in version control and send it back with `PUT /workflow`.",
  scope: "read",
  response: { status: 200, description: "The workflow document", schema: documentSchema },
  errors: [],
  handle: async ({ db }) => ok(await exportWorkflow(db)),
});

/** A refusal as a client reads it: statuses and order types by code, never by database id. */
async function refusalByCodes(db: DbOrTx, error: Refusal): Promise<Result<never>> {
  if (error.code === "would_strand_orders" && error.details) {
    const stranded = error.details.stranded.map(({ orderType, status, orders }) => ({
      orderType: { code: orderType.code, name: orderType.name },
      status: { code: status.code, name: status.name },
      orders,
    }));
    return { ok: false, error: { ...error, details: { stranded, total: error.details.total } } };
  }
  if (error.code !== "validation_failed" || !error.details || !("lint" in error.details)) return { ok: false, error };
  // Lint issues name statuses by database id; a client knows them by code.
  const codes = new Map((await db.select({ id: statuses.id, code: statuses.code }).from(statuses)).map((s) => [s.id, s.code]));
  const issues = (error.details.lint as LintDetail[]).map(({ statusIds, fix: _fix, ...issue }) => ({
    ...issue,
    statuses: statusIds.map((id) => codes.get(id) ?? String(id)),
  }));
  return { ok: false, error: { ...error, details: { lint: issues } } };
}

export const putWorkflowRoute = defineRoute({
  method: "PUT",
  path: "/workflow",
  operationId: "putWorkflow",
  tag: "Workflow",
  summary: "Apply a workflow configuration",
  description:
    "Validates the document, checks its references, lints every order type and applies it in one transaction: groups by key, statuses by code, order types by code, with the listed types' matrices replaced. What the document does not mention is kept. A refused document changes nothing; the problem lists the field errors and the lint issues. A document that would leave open orders with no way forward (a status without an exit to a live status) is refused with 409 `would_strand_orders`, listing them; send it again with `?confirmStranded=<total>` to apply it anyway. Needs an `admin` key.",
  scope: "admin",
  query: putWorkflowQuery,
  body: workflowBody,
  response: { status: 200, description: "What the document changed", schema: workflowResultSchema },
  errors: ["validation_failed", "would_strand_orders"],
  handle: async ({ db, actor, body, query }) => {
    const result = await applyImport(db, body, actor, { confirmStranded: query.confirmStranded });
    if (result.ok) return ok({ applied: result.value });
    return refusalByCodes(db, result.error);
  },
});
