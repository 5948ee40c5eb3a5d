import { useTranslations } from "next-intl";
import { fieldErrorMessage } from "./field-errors";

/** A field's errors in the reader's language, once each. */
export function useFieldErrorText() {
  const t = useTranslations("order.errors");
  return (codes: string[] | undefined): string | undefined => {
    if (!codes?.length) return undefined;
    const words = codes.map((code) => {
      const m = fieldErrorMessage(code);
      return m.key === "tooLong" ? t("tooLong", m.values) : t(m.key);
    });
    return [...new Set(words)].join(" ");
  };
}
