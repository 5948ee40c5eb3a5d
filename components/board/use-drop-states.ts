"use client";

import { useMemo } from "react";
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
      else if (verdict.code === "guard_failed" && verdict.reason === "payment_required") {
        states.set(status.id, { kind: "blocked", code: "payment_required", reason: verdict.message });
      } else states.set(status.id, { kind: "blocked", code: "not_allowed", reason: `Not allowed from ${nameOf(definition, card.statusId)}` });
    }
    return states;
  }, [definition, card]);
}

function nameOf(definition: WorkflowDefinition, statusId: number): string {
  return definition.statuses.find((s) => s.id === statusId)?.name ?? "this status";
}
