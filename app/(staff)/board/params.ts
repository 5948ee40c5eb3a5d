import { z } from "zod";
import type { BoardFilters } from "@/db/queries/board-query";
import { BOARD_MAX_CARDS, BOARD_PAGE_SIZE } from "@/lib/board-limits";
import { orderSearchParam, textSearchParam } from "@/lib/url-params";

/** The board's URL: the order type, the filters and how deep each column is opened, so a view can be shared. */
export const boardSearchSchema = z.object({
  type: textSearchParam,
  channel: textSearchParam,
  courier: textSearchParam,
  payment: textSearchParam,
  paid: z.enum(["paid", "unpaid"]).optional().catch(undefined),
  overdue: z
    .literal("1")
    .optional()
    .catch(undefined),
  q: orderSearchParam,
  /** "12.100,15.150": column 12 shows 100 cards, column 15 shows 150. */
  more: z.string().max(500).optional().catch(undefined),
});

export type BoardSearch = z.infer<typeof boardSearchSchema>;

export function filtersOf(search: BoardSearch): BoardFilters {
  return {
    channel: search.channel || undefined,
    courier: search.courier || undefined,
    paymentMethod: search.payment || undefined,
    paid: search.paid,
    overdue: search.overdue === "1",
    q: search.q || undefined,
  };
}

export function columnLimits(more: string | undefined): Map<number, number> {
  const limits = new Map<number, number>();
  for (const part of (more ?? "").split(",")) {
    const [id, limit] = part.split(".").map(Number);
    if (Number.isInteger(id) && Number.isInteger(limit) && limit! > BOARD_PAGE_SIZE) {
      limits.set(id!, Math.min(limit!, BOARD_MAX_CARDS));
    }
  }
  return limits;
}
