/** How deep the board reads, shared by its query and its screen. */
export const BOARD_PAGE_SIZE = 50;
/** A column never renders more than this many cards, however often "show more" is pressed. */
export const BOARD_MAX_CARDS = 1000;
/** Counts stop here: "10,000+" is as useful on a board as the exact figure, and bounded in cost. */
export const BOARD_COUNT_CAP = 10_000;
