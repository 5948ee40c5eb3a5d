import { z } from "zod";

/** Who made a change: recorded on every history event. */
export const actorSchema = z.object({
  type: z.enum(["user", "api", "automation", "system"]),
  id: z.string().max(200).optional(),
  label: z.string().min(1).max(200),
});

export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { type: "system", label: "System" };
