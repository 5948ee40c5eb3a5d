"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf } from "@/lib/auth";
import { previewInReaderNames, workflowAction } from "../workflow-action";
import { withDocumentTexts } from "@/lib/i18n/action-field-texts";
import { applyImport, confirmStrandedSchema, previewImport } from "@/lib/workflow-config";

// The document itself is validated field by field by lib's document schema.
const importSchema = z.object({ document: z.unknown() });
// The preview showed the open orders the document would strand; applying sends their number back.
const applySchema = importSchema.extend({ confirmStranded: confirmStrandedSchema });

/** Changes nothing, so nothing to revalidate. */
export const previewImportAction = withDocumentTexts(workflowAction({
  role: "admin",
  schema: importSchema,
  handler: async ({ document }) => previewInReaderNames(await previewImport(await getDb(), document)),
  message: (diff, _i, t) => t(diff.empty ? "workflows.io.same" : "workflows.io.valid"),
}));

export const applyImportAction = withDocumentTexts(workflowAction({
  role: "admin",
  schema: applySchema,
  handler: async ({ document, confirmStranded }, user) => applyImport(await getDb(), document, actorOf(user), { confirmStranded }),
  revalidate: () => {
    revalidatePath("/admin", "layout");
    revalidatePath("/orders", "layout");
  },
  message: (_v, _i, t) => t("workflows.io.imported"),
}));
