import type { StatusGroupKind } from "@/db/schema";

/*
 * Okabe & Ito's palette: eight colours people with any common colour-vision deficiency still tell
 * apart. Charts use these, never the admins' status colours, which nobody chose for contrast.
 */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

export const KIND_COLOURS: Record<StatusGroupKind, string> = {
  new: OKABE_ITO.blue,
  in_progress: OKABE_ITO.orange,
  completed: OKABE_ITO.bluishGreen,
  not_completed: OKABE_ITO.vermillion,
};
