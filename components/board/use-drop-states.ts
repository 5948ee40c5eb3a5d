"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { describeTargets, type WorkflowDefinition } from "@/lib/workflow";
import type { BoardCard, DropState } from "./types";

/**
 * While a card is dragged: which columns take it and why the others do not, from the pure rule
 * engine the server also uses. This only shapes the screen; the drop itself is decided again by
 * the transition service, on the order as it is in the database.
 */
export function useDropStates(definition: WorkflowDefinition, card: BoardCard | undefined): Map<number, DropState> {
  return useMemo(() => {
    const states = new Map<number, DropState>();
    if (!card) return states;
    states.set(card.statusId, { kind: "source" });
    const facts = { statusId: card.statusId, paid: card.paidAt !== null, paymentMethod: card.paymentMethod };
    for (const { status, verdict } of describeTargets(definition, facts)) {
      if (verdict.ok) states.set(status.id, { kind: "allowed" });
      else if (verdict.code === "guard_failed") states.set(status.id, { kind: "blocked", code: verdict.reason, to: status.name });
      else if (verdict.code === "status_not_permitted") states.set(status.id, { kind: "blocked", code: "not_permitted" });
      else states.set(status.id, { kind: "blocked", code: "not_allowed", from: nameOf(definition, card.statusId) });
    }
    return states;
  }, [definition, card]);
}

function nameOf(definition: WorkflowDefinition, statusId: number): string {
  return definition.statuses.find((s) => s.id === statusId)?.name ?? "";
}

/** Why a column does not take the card, in the reader's language. */
export function useDropReason(): (state: Extract<DropState, { kind: "blocked" }>) => string {
  const t = useTranslations("board.drop");
  return useCallback(
    (state) => {
      switch (state.code) {
        case "not_allowed":
          return t("notAllowedFrom", { from: state.from });
        case "payment_required":
          return t("paymentRequired", { to: state.to });
        case "archived":
          return t("archived", { to: state.to });
        case "not_permitted":
          return t("notPermitted");
      }
    },
    [t],
  );
}
