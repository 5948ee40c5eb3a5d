import { z } from "zod";
import type { Db } from "@/db";
import type { createAuthedAction } from "@/lib/auth/action";
import {
  applyImport,
  applyWorkflowPreset,
  cellSchema,
  codeSchema,
  copyMatrix,
  createGroup,
  createOrderType,
  createStatus,
  deleteGroup,
  deleteStatus,
  groupInputSchema,
  idListSchema,
  idSchema,
  layoutSchema,
  orderTypeInputSchema,
  orderTypeUpdateSchema,
  previewImport,
  reorderGroups,
  reorderOrderTypes,
  rowSchema,
  saveStatusLayout,
  setStatusArchived,
  setTransition,
  setTransitionRow,
  statusInputSchema,
  updateGroup,
  updateOrderType,
  updateStatus,
} from "@/lib/workflow-config";

type AuthedActionFactory = ReturnType<typeof createAuthedAction>;

const ADMIN = "admin" as const;
const importSchema = z.object({ document: z.unknown() });

/**
 * Every workflow-studio server action, built from the auth wrapper it is given: the "use server"
 * modules pass the real session-backed one, the tests a wrapper with an injected user, so one
 * test proves that staff are refused by every action. Each action: zod schema, one lib call.
 */
export function workflowActions(authed: AuthedActionFactory, getDb: () => Promise<Db>) {
  return {
    createStatus: authed({ role: ADMIN, schema: statusInputSchema }, async (input) => createStatus(await getDb(), input)),
    updateStatus: authed({ role: ADMIN, schema: z.object({ id: idSchema, status: statusInputSchema }) }, async ({ id, status }) =>
      updateStatus(await getDb(), id, status),
    ),
    archiveStatus: authed({ role: ADMIN, schema: z.object({ id: idSchema, archived: z.boolean() }) }, async ({ id, archived }) =>
      setStatusArchived(await getDb(), id, archived),
    ),
    deleteStatus: authed({ role: ADMIN, schema: z.object({ id: idSchema }) }, async ({ id }) => deleteStatus(await getDb(), id)),
    saveLayout: authed({ role: ADMIN, schema: layoutSchema }, async (layout) => saveStatusLayout(await getDb(), layout)),
    createGroup: authed({ role: ADMIN, schema: groupInputSchema }, async (input) => createGroup(await getDb(), input)),
    updateGroup: authed({ role: ADMIN, schema: z.object({ id: idSchema, group: groupInputSchema }) }, async ({ id, group }) =>
      updateGroup(await getDb(), id, group),
    ),
    deleteGroup: authed({ role: ADMIN, schema: z.object({ id: idSchema }) }, async ({ id }) => deleteGroup(await getDb(), id)),
    reorderGroups: authed({ role: ADMIN, schema: idListSchema }, async ({ ids }) => reorderGroups(await getDb(), ids)),
    applyPreset: authed(
      {
        role: ADMIN,
        schema: z.object({
          preset: z.enum(["retail", "wholesale", "marketplace"], "Choose a preset"),
          locale: z.enum(["pl", "en"], "Choose a language"),
          mode: z.enum(["empty", "alongside"]),
          orderTypeCode: codeSchema,
          orderTypeName: z.string().trim().min(1, "Enter a name").max(80),
        }),
      },
      async ({ orderTypeCode, orderTypeName, ...input }) =>
        applyWorkflowPreset(await getDb(), { ...input, orderType: { code: orderTypeCode, name: orderTypeName } }),
    ),
    createOrderType: authed({ role: ADMIN, schema: orderTypeInputSchema }, async (input) => createOrderType(await getDb(), input)),
    updateOrderType: authed({ role: ADMIN, schema: orderTypeUpdateSchema }, async (input) => updateOrderType(await getDb(), input)),
    reorderOrderTypes: authed({ role: ADMIN, schema: idListSchema }, async ({ ids }) => reorderOrderTypes(await getDb(), ids)),
    copyMatrix: authed({ role: ADMIN, schema: z.object({ id: idSchema, fromId: idSchema }) }, async (input) =>
      copyMatrix(await getDb(), input),
    ),
    setTransition: authed({ role: ADMIN, schema: cellSchema }, async (input) => setTransition(await getDb(), input)),
    setTransitionRow: authed({ role: ADMIN, schema: rowSchema }, async (input) => setTransitionRow(await getDb(), input)),
    // The document itself is validated field by field by lib's document schema.
    previewImport: authed({ role: ADMIN, schema: importSchema }, async ({ document }) => previewImport(await getDb(), document)),
    applyImport: authed({ role: ADMIN, schema: importSchema }, async ({ document }) => applyImport(await getDb(), document)),
  };
}

export type WorkflowActions = ReturnType<typeof workflowActions>;
