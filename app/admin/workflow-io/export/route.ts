import { getDb } from "@/db";
import { getCurrentUser, hasAccess } from "@/lib/auth";
import { exportWorkflow } from "@/lib/workflow-config";

/** Downloads the whole workflow configuration as one JSON document (admins only). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: "unauthorized", message: "Sign in first." }, { status: 401 });
  if (!hasAccess(user, "admin")) return Response.json({ code: "forbidden", message: "You do not have permission to do this." }, { status: 403 });
  const doc = await exportWorkflow(await getDb());
  const day = doc.exportedAt?.slice(0, 10) ?? "export";
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="orderly-workflow-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
