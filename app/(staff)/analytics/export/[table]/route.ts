import { z } from "zod";
import { getDb } from "@/db";
import { ANALYTICS_TABLES, loadAnalyticsTable, resolveSearch, toCsv } from "@/lib/analytics";
import { authorize, getCurrentUser } from "@/lib/auth";

function problem(status: number, code: string, title: string, extra: Record<string, unknown> = {}) {
  return Response.json({ type: "about:blank", title, status, code, ...extra }, { status, headers: { "content-type": "application/problem+json" } });
}

/**
 * GET /analytics/export/{table}?period=...: one of the page's tables as CSV, for the same filters
 * as the page's URL. Staff and admins only, checked here rather than trusting the hidden link.
 */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const allowed = authorize(await getCurrentUser(), "analytics");
  if (!allowed.ok) return problem(allowed.error.code === "unauthorized" ? 401 : 403, allowed.error.code, allowed.error.message);
  const table = z.enum(ANALYTICS_TABLES).safeParse((await params).table);
  if (!table.success) return problem(404, "not_found", `No such table; known: ${ANALYTICS_TABLES.join(", ")}.`);
  const resolved = resolveSearch(Object.fromEntries(new URL(request.url).searchParams));
  if (Object.keys(resolved.errors).length) {
    return problem(400, "validation_failed", "Some filters are not valid.", { fieldErrors: resolved.errors });
  }
  const { filters, idleDays } = resolved;
  const csv = toCsv(await loadAnalyticsTable(await getDb(), table.data, filters, { idleDays }));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orderly-${table.data}-${filters.from}_${filters.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
