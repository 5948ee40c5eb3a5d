"use client";

import { useTranslations } from "next-intl";
import type { ActionReply } from "@/lib/action-result";
import { refusalText } from "@/lib/i18n/refusal-text";

/**
 * The words for a server action's answer in the reader's language: a success's message (the
 * action words it from the catalogue in the caller's language) or the refusal's, from its code,
 * never from the server's English `message`; the order's number and the target's name, when
 * given, make it specific.
 */
export function useReplyText() {
  const t = useTranslations("refusals");
  return (reply: ActionReply, about: { orderNumber?: string; targetName?: string } = {}): string | undefined => {
    if (!reply) return undefined;
    return reply.ok ? reply.message : refusalText(t, reply.error, about);
  };
}
