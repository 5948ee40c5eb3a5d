import type { BoardCard, BoardStatus } from "@/db/queries/board";

export type { BoardCard, BoardStatus };

/**
 * What a column says while a card is being dragged. A blocked column carries the facts of why
 * (the statuses' names), worded on screen from the catalogue's `board.drop` in the reader's language.
 */
export type DropState =
  | { kind: "source" }
  | { kind: "allowed" }
  | { kind: "blocked"; code: "not_allowed"; from: string }
  | { kind: "blocked"; code: "not_permitted" }
  | { kind: "blocked"; code: "payment_required" | "archived"; to: string };
