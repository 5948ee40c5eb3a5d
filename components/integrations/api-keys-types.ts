import type { ActionState } from "@/lib/action-state";

/** The create form's state: on success it carries the secret, shown once. */
export type CreateApiKeyState = ActionState & { secret?: string };

/** A key row as the page hands it to the browser (dates as ISO strings). */
export type ApiKeyRow = {
  id: number;
  name: string;
  prefix: string;
  scope: "read" | "write" | "admin";
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
