/**
 * Every page, layout, route handler and server-action module under app/, with who may use it.
 * Written by hand, not read from the code: the static walk in authorisation.test.ts fails for a
 * file missing here, and the runtime checks (authorisation-runtime.test.ts, action-fuzz.test.ts)
 * take each server action's required role from its module's row.
 */
export type Access = "public" | "staff" | "admin" | "api-key";

export const APP_TABLE: Record<string, Access> = {
  "app/layout.tsx": "public",
  "app/page.tsx": "public",
  "app/forbidden/page.tsx": "public",
  "app/(auth)/login/page.tsx": "public",
  "app/(auth)/login/actions.ts": "public",
  // Signing out needs no role: it only ends the caller's own session.
  "app/_actions/sign-out.ts": "public",
  "app/(staff)/layout.tsx": "staff",
  "app/(staff)/board/page.tsx": "staff",
  "app/(staff)/board/actions.ts": "staff",
  "app/(staff)/board/changes/route.ts": "staff",
  "app/(staff)/orders/page.tsx": "staff",
  "app/(staff)/orders/actions.ts": "staff",
  "app/(staff)/orders/[number]/page.tsx": "staff",
  "app/(staff)/orders/[number]/actions.ts": "staff",
  "app/(staff)/orders/[number]/documents/[id]/route.ts": "staff",
  "app/(staff)/scan/page.tsx": "staff",
  "app/(staff)/scan/actions.ts": "staff",
  "app/admin/layout.tsx": "admin",
  "app/admin/page.tsx": "admin",
  "app/admin/integrations/page.tsx": "admin",
  "app/admin/integrations/actions.ts": "admin",
  "app/admin/mailbox/page.tsx": "admin",
  "app/admin/mailbox/[id]/page.tsx": "admin",
  "app/admin/mailbox/actions.ts": "admin",
  "app/admin/settings/page.tsx": "admin",
  "app/admin/settings/actions.ts": "admin",
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
  "app/(staff)/analytics/page.tsx": "staff",
  "app/(staff)/analytics/export/[table]/route.ts": "staff",
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
  "app/api/v1/[...path]/route.ts": "api-key",
  "app/track/page.tsx": "public",
  "app/track/lookup/route.ts": "public",
  "app/track/[token]/page.tsx": "public",
  "app/track/[token]/documents/[id]/route.ts": "public",
};

/** Ranks of the signed-in levels: a caller passes an entry point when its rank is at least the entry's. */
export const ACCESS_RANK = { public: 0, staff: 1, admin: 2 } as const;
