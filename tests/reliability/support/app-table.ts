/**
 * Every page, layout, route handler and server-action module under app/, with who may use it.
 * Written by hand, not read from the code: the static walk in authorisation.test.ts fails for a
 * file missing here, and the runtime checks (authorisation-runtime.test.ts, action-fuzz.test.ts)
 * take each server action's required role from its module's row.
 */
/** `carrier-secret`: no session, a carrier's secret address set up at /admin/integrations (ADR 0159). */
export type Access = "public" | "staff" | "scan" | "analytics" | "admin" | "api-key" | "carrier-secret";

export const APP_TABLE: Record<string, Access> = {
  "app/layout.tsx": "public",
  "app/page.tsx": "public",
  "app/forbidden/page.tsx": "public",
  "app/(auth)/login/page.tsx": "public",
  "app/(auth)/login/actions.ts": "public",
  // One-time links and "forgot password" work before anyone signs in; the link is the credential.
  "app/(auth)/password/[token]/page.tsx": "public",
  "app/(auth)/password/[token]/actions.ts": "public",
  "app/(auth)/forgot-password/page.tsx": "public",
  "app/(auth)/forgot-password/actions.ts": "public",
  // Each member changes only their own name and password.
  "app/(staff)/account/page.tsx": "staff",
  "app/(staff)/account/actions.ts": "staff",
  "app/admin/users/page.tsx": "admin",
  "app/admin/users/actions.ts": "admin",
  // Signing out needs no role: it only ends the caller's own session.
  "app/_actions/sign-out.ts": "public",
  // Each person sets only their own screen language.
  "app/_actions/locale.ts": "staff",
  "app/(staff)/layout.tsx": "staff",
  "app/(staff)/board/page.tsx": "staff",
  "app/(staff)/board/actions.ts": "staff",
  "app/(staff)/board/changes/route.ts": "staff",
  "app/(staff)/orders/page.tsx": "staff",
  "app/(staff)/orders/actions.ts": "staff",
  "app/(staff)/orders/[number]/page.tsx": "staff",
  "app/(staff)/orders/[number]/actions.ts": "staff",
  "app/(staff)/orders/[number]/documents/[id]/route.ts": "staff",
  "app/(staff)/undo/actions.ts": "staff",
  "app/(staff)/preview/actions.ts": "staff",
  "app/(staff)/scan/page.tsx": "scan",
  "app/(staff)/scan/actions.ts": "scan",
  "app/admin/layout.tsx": "admin",
  "app/admin/page.tsx": "admin",
  "app/admin/integrations/page.tsx": "admin",
  "app/admin/integrations/actions.ts": "admin",
  "app/admin/mailbox/page.tsx": "admin",
  "app/admin/mailbox/[id]/page.tsx": "admin",
  "app/admin/mailbox/actions.ts": "admin",
  "app/admin/audit/page.tsx": "admin",
  "app/admin/settings/page.tsx": "admin",
  "app/admin/settings/actions.ts": "admin",
  "app/admin/roles/page.tsx": "admin",
  "app/admin/roles/[id]/page.tsx": "admin",
  "app/admin/roles/actions.ts": "admin",
  "app/admin/statuses/page.tsx": "admin",
  "app/admin/statuses/new/page.tsx": "admin",
  "app/admin/statuses/[code]/page.tsx": "admin",
  "app/admin/statuses/actions.ts": "admin",
  "app/admin/templates/page.tsx": "admin",
  "app/admin/templates/actions.ts": "admin",
  "app/admin/workflow-io/page.tsx": "admin",
  "app/admin/workflow-io/actions.ts": "admin",
  "app/admin/workflow-io/export/route.ts": "admin",
  "app/admin/workflows/page.tsx": "admin",
  "app/admin/workflows/[orderType]/page.tsx": "admin",
  "app/admin/workflows/actions.ts": "admin",
  "app/(staff)/analytics/layout.tsx": "analytics",
  "app/(staff)/analytics/page.tsx": "analytics",
  "app/(staff)/analytics/export/[table]/route.ts": "analytics",
  "app/admin/automations/page.tsx": "admin",
  "app/admin/automations/new/page.tsx": "admin",
  "app/admin/automations/[id]/page.tsx": "admin",
  "app/admin/automations/[id]/log/page.tsx": "admin",
  "app/admin/automations/actions.ts": "admin",
  "app/admin/integrations/webhooks/[id]/page.tsx": "admin",
  "app/admin/integrations/webhooks/actions.ts": "admin",
  "app/api/docs/page.tsx": "public",
  "app/api/auth/[...nextauth]/route.ts": "public",
  "app/api/health/route.ts": "public",
  // The board's and the order list's live updates: every member who opens them.
  "app/api/live/route.ts": "staff",
  "app/api/v1/[...path]/route.ts": "api-key",
  // A carrier's tracking webhooks: the secret in the address is the credential; a session is none.
  "app/api/carriers/[carrier]/[secret]/route.ts": "carrier-secret",
  "app/track/page.tsx": "public",
  "app/track/lookup/route.ts": "public",
  "app/track/[token]/page.tsx": "public",
  "app/track/[token]/documents/[id]/route.ts": "public",
  // The tracking token is the key, as for the page; rate-limited per client (ADR 0161).
  "app/track/[token]/return/route.ts": "public",
};

