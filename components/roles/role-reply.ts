"use client";

import { useTranslations } from "next-intl";
import { useReplyText } from "@/components/ui/reply-text";
import type { ActionReply } from "@/lib/action-result";

/** A role screen's answer in the reader's language: the role refusals by their reason, the rest as every screen words them. */
export function useRoleReplyText() {
  const t = useTranslations("roles.errors");
  const replyText = useReplyText();
  return (reply: ActionReply): string | undefined => {
    if (reply && !reply.ok && reply.error.code === "validation_failed") {
      const details = reply.error.details;
      if (details && "reason" in details) {
        if (details.reason === "role_name_taken") return t("nameTaken", { name: details.name });
        if (details.reason === "role_built_in") return t("builtIn");
        if (details.reason === "role_in_use") return t("inUse", { name: details.name, members: details.members });
      }
      const fields = reply.error.fieldErrors ?? {};
      if (fields.name) return t("name");
      if (fields.rights) return t("rights");
    }
    return replyText(reply);
  };
}
