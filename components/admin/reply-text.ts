"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ActionReply } from "@/lib/action-result";
import { listIn, lintMessage } from "@/lib/i18n/lint-text";
import { refusalText } from "@/lib/i18n/refusal-text";
import { labelsOf } from "@/lib/i18n/field-labels";
import type { LintDetail } from "@/lib/result";

/**
 * Words for an admin form's answer in the reader's language: a success's message (already in
 * the caller's language), a refused field list as "Sprawdź: Kolor" by the fields' labels, a lint
 * refusal finding by finding, a refusal's reason (the orders a workflow write would strand, by
 * number and status), else the refusal's code. Never the server's
 * English `message`.
 */
export function useAdminReplyText() {
  const common = useTranslations("common");
  const refusals = useTranslations("refusals");
  const lint = useTranslations("lint");
  const locale = useLocale();

  function lintLines(issues: LintDetail[], nameOf: (id: number) => string): string {
    const lines = issues.map((i) => {
      const m = lintMessage(i, nameOf, listIn(locale));
      return lint("refusedLine", { orderType: i.orderType.name, issue: lint(`issues.${m.key}`, m.values as never) });
    });
    return [lint("refused"), ...lines].join(" ");
  }

  return function replyText(
    reply: ActionReply,
    { labels = {}, nameOf }: { labels?: Record<string, string>; nameOf?: (id: number) => string } = {},
  ): string | undefined {
    if (!reply) return undefined;
    if (reply.ok) return reply.message;
    const error = reply.error;
    if (error.code === "validation_failed") {
      const details = error.details;
      if (details && "lint" in details && details.lint.length > 0 && "statusIds" in details.lint[0]!) return lintLines(details.lint as LintDetail[], nameOf ?? ((id) => `#${id}`));
      if (details && "reason" in details) {
        if (details.reason === "status_in_use") return refusals("workflow.statusInUse", { name: details.name });
        if (details.reason === "status_is_initial")
          return refusals("workflow.statusIsInitial", { name: details.name, orderTypes: listIn(locale)(details.orderTypes) });
        if (details.reason === "group_not_empty") return refusals("workflow.groupNotEmpty", { name: details.name });
      }
      const fields = labelsOf(error.fieldErrors ?? {}, labels);
      if (fields.length > 0) return common("errors.checkFields", { fields: listIn(locale)(fields) });
    }
    // A stranding names statuses: by the screen's names where it has them, listed as the language lists.
    return refusalText(refusals, error, { nameOf, list: listIn(locale) });
  };
}
