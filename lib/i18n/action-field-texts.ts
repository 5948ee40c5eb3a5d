import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { formFields, type Translate } from "@/lib/auth/action";
import { documentSchema } from "@/lib/workflow-config/document";
import { fieldErrorMessages, serviceFieldErrorMessage } from "./field-error-text";
import { messages } from "./messages";

async function translator(): Promise<Translate> {
  try {
    return await getTranslations();
  } catch {
    // Outside a request (unit tests call actions directly): English, like the API.
    return createTranslator({ locale: "en", messages: messages.en }) as unknown as Translate;
  }
}

/**
 * A server action whose field errors a form shows are worded in the caller's language: from the
 * zod issue's code and field when the schema refused, from the refusal's reason when the service
 * did. The refusal's `message` stays the server's English, for the API and the logs.
 */
export function withFieldTexts<S extends z.ZodType, T>(
  schema: S,
  action: (input: unknown, form?: FormData) => Promise<ActionResult<T>>,
  { pick = (raw: unknown) => raw, service = true }: { pick?: (raw: unknown) => unknown; service?: boolean } = {},
): (input: unknown, form?: FormData) => Promise<ActionResult<T>> {
  return async (input, form) => {
    const result = await action(input, form);
    if (result.ok || result.error.code !== "validation_failed" || !result.error.fieldErrors) return result;
    const t = await translator();
    const sent = form instanceof FormData ? form : input;
    const parsed = schema.safeParse(pick(sent instanceof FormData ? formFields(sent) : sent));
    const fieldErrors: Record<string, string[]> = {};
    if (!parsed.success) {
      for (const [path, found] of Object.entries(fieldErrorMessages(parsed.error.issues))) {
        fieldErrors[path] = found.map((m) => t(`admin.fieldErrors.${m.key}`, m.values as never));
      }
    } else if (!service) {
      return result;
    } else {
      for (const path of Object.keys(result.error.fieldErrors)) {
        const m = serviceFieldErrorMessage(result.error, path);
        fieldErrors[path] = [t(`admin.fieldErrors.${m.key}`, m.values as never)];
      }
    }
    return { ok: false, error: { ...result.error, fieldErrors } };
  };
}

/**
 * The import's actions: a document the schema refuses is worded field by field like a form, by
 * the document's paths. The document's cross-checks (unknown codes, a broken process) keep the
 * server's words for now.
 */
export function withDocumentTexts<T>(
  action: (input: unknown, form?: FormData) => Promise<ActionResult<T>>,
): (input: unknown, form?: FormData) => Promise<ActionResult<T>> {
  return withFieldTexts(documentSchema, action, {
    pick: (raw) => (raw && typeof raw === "object" && "document" in raw ? raw.document : undefined),
    service: false,
  });
}
