import type { BoardCard, BoardStatus } from "@/db/queries/board";

export type { BoardCard, BoardStatus };

/** What a column says while a card is being dragged. */
export type DropState = { kind: "source" } | { kind: "allowed" } | { kind: "blocked"; reason: string; code: "not_allowed" | "payment_required" };
