import { measureSms } from "@/lib/notifications/sms";
import { checkTemplate } from "@/lib/notifications/template";

/** A reason a template is refused: a key of the catalogue's `templates.errors` with its values. */
export type TemplateProblem =
  | { key: "unknownVariable"; values: { variable: string; suggestion: string } }
  | { key: "unknownVariablePlain"; values: { variable: string } }
  | { key: "strayBraces"; values: { open: string; close: string; example: string } }
  | { key: "subjectRequired" | "subjectTooLong" | "bodyRequired" | "bodyTooLong" | "smsTooLong" | "adminSms"; values: Record<string, never> };

type Draft = { channel: "email" | "sms"; audience: "customer" | "admin"; subject: string; body: string };

const placeholder = (name: string) => `{{${name}}}`;

/** A text's unknown variables and stray braces, from lib/notifications/template.ts's structured check. */
function variableProblems(text: string): TemplateProblem[] {
  return checkTemplate(text).map((p): TemplateProblem => {
    if (p.variable === "{{" || p.variable === "}}") return { key: "strayBraces", values: { open: "{{", close: "}}", example: placeholder("variable") } };
    return p.suggestion
      ? { key: "unknownVariable", values: { variable: placeholder(p.variable), suggestion: placeholder(p.suggestion) } }
      : { key: "unknownVariablePlain", values: { variable: placeholder(p.variable) } };
  });
}

/**
 * Every reason the service (lib/notifications/templates.ts) would refuse a template, by field and
 * by code, so the screen words them in the reader's language. `forPreview` checks only what a
 * preview needs (known variables).
 */
export function templateProblems(draft: Draft, { forPreview = false } = {}): Record<string, TemplateProblem[]> {
  const found: Record<string, TemplateProblem[]> = {};
  const add = (field: string, problem: TemplateProblem) => (found[field] ??= []).push(problem);
  const none = {} as Record<string, never>;
  if (draft.channel === "email") for (const p of variableProblems(draft.subject)) add("subject", p);
  for (const p of variableProblems(draft.body)) add("body", p);
  if (forPreview) return found;
  if (draft.channel === "email" && draft.subject.trim() === "") add("subject", { key: "subjectRequired", values: none });
  if (draft.channel === "email" && draft.subject.length > 200) add("subject", { key: "subjectTooLong", values: none });
  if (draft.body.trim() === "") add("body", { key: "bodyRequired", values: none });
  else if (draft.body.trim().length > 20_000) add("body", { key: "bodyTooLong", values: none });
  if (draft.channel === "sms" && draft.audience === "admin") add("audience", { key: "adminSms", values: none });
  if (draft.channel === "sms" && measureSms(draft.body).segments > 6) add("body", { key: "smsTooLong", values: none });
  return found;
}
