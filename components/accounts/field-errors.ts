"use client";

import { useTranslations } from "next-intl";
import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { FIELD_PROBLEMS, type FieldProblem } from "@/lib/accounts/rules";

const isProblem = (key: string): key is FieldProblem => (FIELD_PROBLEMS as readonly string[]).includes(key);

/**
 * A refusal's field errors in the reader's language: the server names each field's problem by its
 * key in `accounts.errors` (lib/accounts/rules.ts); anything else (a NUL character) reads as
 * "check this field".
 */
export function useAccountFieldErrors() {
  const t = useTranslations("accounts.errors");
  const tr = useTranslations("refusals");
  return (reply: ActionReply): Record<string, string[] | undefined> => {
    const errors = fieldErrorsIn(reply);
    return Object.fromEntries(
      Object.entries(errors).map(([field, keys]) => [field, [...new Set(keys.map((k) => (isProblem(k) ? t(k) : tr("validation_failed"))))]]),
    );
  };
}
