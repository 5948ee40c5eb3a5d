import type { z } from "zod";
import type { Refusal } from "@/lib/result";

/**
 * A field's validation message as a key of the catalogue's `admin.fieldErrors` with its values,
 * chosen by the zod issue's code and the field it is about (never by its English message): with
 * `t = getTranslations("admin")`, `t(\`fieldErrors.${m.key}\`, m.values)`.
 */
export type FieldErrorMessage =
  | { key: FieldErrorKey; values: Record<string, never> }
  | { key: "tooLong" | "atMost" | "tooMany"; values: { max: number } }
  | { key: "codeTaken"; values: { code: string; usedBy: string } }
  | { key: "initialArchived"; values: { name: string } };

export type FieldErrorKey =
  | "required"
  | "enterName"
  | "enterCode"
  | "enterChannel"
  | "enterTitle"
  | "enterText"
  | "hexColour"
  | "codeFormat"
  | "email"
  | "number"
  | "wholeHours"
  | "positive"
  | "choose"
  | "duplicateChannel"
  | "adminEmailsRequired"
  | "codNeedsGate"
  | "workflowNotEmpty"
  | "invalid";

const REQUIRED_BY_FIELD: Record<string, FieldErrorKey> = {
  name: "enterName",
  orderTypeName: "enterName",
  code: "enterCode",
  orderTypeCode: "enterCode",
  channel: "enterChannel",
  title: "enterTitle",
  body: "enterText",
};

const CUSTOM_BY_FIELD: Record<string, FieldErrorKey> = {
  channel: "duplicateChannel",
  adminEmails: "adminEmailsRequired",
  allowCashOnDelivery: "codNeedsGate",
};

/** The field a path ends at, skipping list positions: ["externalCodes", 0, "channel"] → "channel". */
function fieldOf(path: readonly PropertyKey[]): string {
  return String([...path].reverse().find((p) => typeof p === "string") ?? "");
}

export function fieldErrorMessage(issue: z.core.$ZodIssue): FieldErrorMessage {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "number") return { key: "positive", values: {} };
      return { key: REQUIRED_BY_FIELD[field] ?? "required", values: {} };
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { key: "tooLong", values: { max } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "tooMany", values: { max } };
      return { key: "atMost", values: { max } };
    }
    case "invalid_format":
      if (issue.format === "email") return { key: "email", values: {} };
      if (field === "colour") return { key: "hexColour", values: {} };
      if (field === "code" || field === "orderTypeCode") return { key: "codeFormat", values: {} };
      return { key: "invalid", values: {} };
    case "invalid_type":
      if (issue.expected === "int") return { key: "wholeHours", values: {} };
      if (issue.expected === "number") return { key: "number", values: {} };
      return { key: "invalid", values: {} };
    case "invalid_value":
      return { key: "choose", values: {} };
    case "custom":
      return { key: CUSTOM_BY_FIELD[field] ?? "invalid", values: {} };
    default:
      return { key: "invalid", values: {} };
  }
}

/** Every field's messages of a failed parse, keyed by dotted path, as fieldErrors are. */
export function fieldErrorMessages(issues: readonly z.core.$ZodIssue[]): Record<string, FieldErrorMessage[]> {
  const found: Record<string, FieldErrorMessage[]> = {};
  for (const issue of issues) (found[issue.path.map(String).join(".")] ??= []).push(fieldErrorMessage(issue));
  return found;
}

/**
 * A field error the service (not the schema) found: worded from the refusal's reason when it has
 * one, else as "choose another" (a group, a status or a preset that is gone).
 */
export function serviceFieldErrorMessage(error: Refusal, path = ""): FieldErrorMessage {
  if (error.code === "validation_failed" && error.details && "reason" in error.details) {
    const d = error.details;
    if (d.reason === "code_taken") return { key: "codeTaken", values: { code: d.code, usedBy: d.usedBy } };
    if (d.reason === "initial_archived") return { key: "initialArchived", values: { name: d.name } };
    if (d.reason === "workflow_not_empty") return { key: "workflowNotEmpty", values: {} };
  }
  return { key: ["groupId", "initialStatusId", "preset", "status.groupId"].includes(path) ? "choose" : "invalid", values: {} };
}
