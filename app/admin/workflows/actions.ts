"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf } from "@/lib/auth";
import { workflowAction } from "../workflow-action";
import { withFieldTexts } from "@/lib/i18n/action-field-texts";
import { withShownName } from "../shown-name";
import {
  cellSchema,
  confirmStrandedSchema,
  copyMatrix,
  createOrderType,
  idListSchema,
  idSchema,
  orderTypeInputSchema,
  orderTypeUpdateSchema,
  reorderOrderTypes,
  rowSchema,
  setTransition,
  setTransitionRow,
  updateOrderType,
} from "@/lib/workflow-config";

function revalidate() {
  revalidatePath("/admin", "layout");
  // Order pages offer next statuses from the matrix.
  revalidatePath("/orders", "layout");
}

export const createOrderTypeAction = withFieldTexts(orderTypeInputSchema, workflowAction({
  role: "admin",
  schema: orderTypeInputSchema,
  handler: async (input, user) => withShownName(await createOrderType(await getDb(), input, actorOf(user))),
  revalidate,
  message: (type, _i, t) => t("workflows.done.typeCreated", { name: type.shownName }),
}));

export const updateOrderTypeAction = withFieldTexts(orderTypeUpdateSchema, workflowAction({
  role: "admin",
  schema: orderTypeUpdateSchema,
  handler: async (input, user) => withShownName(await updateOrderType(await getDb(), input, actorOf(user))),
  revalidate,
  message: (type, _i, t) => t("workflows.done.typeSaved", { name: type.shownName }),
}));

export const reorderOrderTypesAction = workflowAction({
  role: "admin",
  schema: idListSchema,
  handler: async ({ ids }, user) => reorderOrderTypes(await getDb(), ids, actorOf(user)),
  revalidate,
  message: (_v, _i, t) => t("workflows.done.orderSaved"),
});

export const copyMatrixAction = workflowAction({
  role: "admin",
  schema: z.object({ id: idSchema, fromId: idSchema, confirmStranded: confirmStrandedSchema }),
  handler: async (input, user) => copyMatrix(await getDb(), input, actorOf(user)),
  revalidate,
  message: ({ copied }, _i, t) => t("workflows.done.matrixCopied", { count: copied }),
});

export const setTransitionAction = workflowAction({
  role: "admin",
  schema: cellSchema,
  handler: async (input, user) => setTransition(await getDb(), input, actorOf(user)),
  revalidate,
  message: (_v, _i, t) => t("workflows.done.saved"),
});

export const setTransitionRowAction = workflowAction({
  role: "admin",
  schema: rowSchema,
  handler: async (input, user) => setTransitionRow(await getDb(), input, actorOf(user)),
  revalidate,
  message: (_v, _i, t) => t("workflows.done.saved"),
});
