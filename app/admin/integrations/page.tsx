import { ApiKeysSection } from "@/components/integrations/api-keys-section";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { listApiKeys } from "@/lib/integrations/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  await requirePageUser("admin");
  const keys = await listApiKeys(await getDb());
  return (
    <div className="max-w-5xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Integrations</h1>
        <p className="text-sm text-slate-600">How other systems talk to Orderly.</p>
      </div>
      <ApiKeysSection
        keys={keys.map((k) => ({
          id: k.id,
          name: k.name,
          prefix: k.prefix,
          scope: k.scope,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
        createAction={createApiKeyAction}
        revokeAction={revokeApiKeyAction}
      />
    </div>
  );
}
