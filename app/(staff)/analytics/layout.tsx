import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth";

/**
 * Analytics is an area some roles do not open. Checked here as well as in the page: a layout runs
 * before the page's loading boundary, so a refused person gets a real redirect (307), not a 200
 * whose stream carries it.
 */
export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  await requirePageUser("analytics");
  return children;
}
