"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf } from "@/lib/auth";
import { workflowAction } from "../workflow-action";
import { OFFERED_PRESET_KEYS } from "@/db/seed/offered-presets";
import { withFieldTexts } from "@/lib/i18n/action-field-texts";
import { withShownName } from "../shown-name";
import {
  applyWorkflowPreset,
  codeSchema,
  confirmStrandedSchema,
  createGroup,
  createStatus,
  deleteGroup,
  deleteStatus,
  groupInputSchema,
  idListSchema,
  idSchema,
  layoutSchema,
  reorderGroups,
  saveStatusLayout,
  setStatusArchived,
  statusInputSchema,
  updateGroup,
  updateStatus,
} from "@/lib/workflow-config";

// Statuses and groups show on the admin overview, the board and every order page: refresh them all.
function revalidate() {
  revalidatePath("/admin", "layout");
  revalidatePath("/orders", "layout");
}

export const saveLayoutAction = workflowAction({
  role: "admin",
  schema: layoutSchema,
  handler: async (layout, user) => saveStatusLayout(await getDb(), layout, actorOf(user)),
  revalidate,
  message: (_v, _i, t) => t("statuses.done.layoutSaved"),
});

export const reorderGroupsAction = workflowAction({
  role: "admin",
  schema: idListSchema,
  handler: async ({ ids }, user) => reorderGroups(await getDb(), ids, actorOf(user)),
  revalidate,
  message: (_v, _i, t) => t("statuses.done.groupOrderSaved"),
});

export const createGroupAction = withFieldTexts(groupInputSchema, workflowAction({
  role: "admin",
  schema: groupInputSchema,
  handler: async (input, user) => withShownName(await createGroup(await getDb(), input, actorOf(user))),
  revalidate,
  message: (g, _i, t) => t("statuses.done.groupCreated", { name: g.shownName }),
}));

const updateGroupSchema = z.object({ id: idSchema, group: groupInputSchema });
export const updateGroupAction = withFieldTexts(updateGroupSchema, workflowAction({
  role: "admin",
  schema: updateGroupSchema,
  handler: async ({ id, group }, user) => withShownName(await updateGroup(await getDb(), id, group, actorOf(user))),
  revalidate,
  message: (g, _i, t) => t("statuses.done.groupSaved", { name: g.shownName }),
}));

export const deleteGroupAction = workflowAction({
  role: "admin",
  schema: z.object({ id: idSchema }),
  handler: async ({ id }, user) => deleteGroup(await getDb(), id, actorOf(user)),
  revalidate,
  message: (_v, _i, t) => t("statuses.done.groupDeleted"),
});

const presetSchema = z.object({
  preset: z.enum(OFFERED_PRESET_KEYS, "Choose a preset"),
  locale: z.enum(["pl", "en"], "Choose a language"),
  mode: z.enum(["empty", "alongside"]),
  orderTypeCode: codeSchema,
  orderTypeName: z.string().trim().min(1, "Enter a name").max(80),
});
export const applyPresetAction = withFieldTexts(presetSchema, workflowAction({
  role: "admin",
  schema: presetSchema,
  handler: async ({ orderTypeCode, orderTypeName, ...input }, user) =>
    applyWorkflowPreset(await getDb(), {
      ...input,
      orderType: { code: orderTypeCode, name: orderTypeName },
    }, actorOf(user)),
  revalidate,
  message: (p, _i, t) => t("statuses.done.presetApplied", { count: Object.keys(p.statusIds).length }),
}));

export const createStatusAction = withFieldTexts(statusInputSchema, workflowAction({
  role: "admin",
  schema: statusInputSchema,
  handler: async (input, user) => createStatus(await getDb(), input, actorOf(user)),
  revalidate,
  message: (s, _i, t) => t("statuses.done.created", { name: s.name }),
}));

const updateStatusSchema = z.object({ id: idSchema, status: statusInputSchema });
export const updateStatusAction = withFieldTexts(updateStatusSchema, workflowAction({
  role: "admin",
  schema: updateStatusSchema,
  handler: async ({ id, status }, user) => updateStatus(await getDb(), id, status, actorOf(user)),
  revalidate,
  message: (s, _i, t) => t("statuses.done.saved", { name: s.name }),
}));

export const archiveStatusAction = workflowAction({
  role: "admin",
  schema: z.object({ id: idSchema, archived: z.boolean(), confirmStranded: confirmStrandedSchema }),
  handler: async ({ id, archived, confirmStranded }, user) =>
    setStatusArchived(await getDb(), id, archived, actorOf(user), { confirmStranded }),
  revalidate,
  message: (s, _i, t) => t(s.archivedAt ? "statuses.done.archived" : "statuses.done.restored", { name: s.name }),
});

export const deleteStatusAction = workflowAction({
  role: "admin",
  schema: z.object({ id: idSchema }),
  handler: async ({ id }, user) => deleteStatus(await getDb(), id, actorOf(user)),
  revalidate,
  message: (s, _i, t) => t("statuses.done.deleted", { name: s.name }),
});
