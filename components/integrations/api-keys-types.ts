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
