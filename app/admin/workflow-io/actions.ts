"use server";

import { revalidatePath } from "next/cache";
import { adminActions as act } from "../_actions/server";
import { toAdminState } from "../_actions/state";

export async function previewImportAction(input: unknown) {
  return toAdminState(await act.previewImport(input), (diff) => (diff.empty ? "The document matches today's configuration." : "The document is valid. Review the changes below."));
}

export async function applyImportAction(input: unknown) {
  const result = await act.applyImport(input);
  if (result.ok) {
    revalidatePath("/admin", "layout");
    revalidatePath("/orders", "layout");
  }
  return toAdminState(result, () => "Imported. The configuration now matches the document.");
}
