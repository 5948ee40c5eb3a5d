import { connection } from "next/server";
import { ApiKeysSection } from "@/components/integrations/api-keys-section";
import { WebhookEndpointForm } from "@/components/integrations/webhook-endpoint-form";
import { WebhookEndpointList } from "@/components/integrations/webhook-endpoint-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listWebhookEndpoints } from "@/db/queries/webhooks";
import { requirePageUser } from "@/lib/auth";
import { listApiKeys } from "@/lib/integrations/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { createWebhookEndpointAction } from "./webhooks/actions";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  await connection();
  const db = await getDb();
  const [keys, endpoints, params] = await Promise.all([listApiKeys(db), listWebhookEndpoints({ db }), searchParams]);
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Integrations</h1>
        <p className="text-sm text-slate-600">How ERP systems, marketplace connectors and scripts talk to Orderly.</p>
      </div>
      {params.deleted === "1" && <Alert tone="success">Endpoint deleted.</Alert>}
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
      <Card title="Webhooks">
        <div className="space-y-6">
          <p className="text-sm text-slate-600">
            Orderly POSTs each order change to these addresses as JSON, signed per the Standard Webhooks specification, and retries
            until the receiver answers 2xx.
          </p>
          <WebhookEndpointList items={endpoints} />
          <section aria-labelledby="add-endpoint" className="max-w-2xl space-y-3 border-t border-slate-100 pt-4">
            <h3 id="add-endpoint" className="text-sm font-semibold text-slate-800">
              Add an endpoint
            </h3>
            <WebhookEndpointForm action={createWebhookEndpointAction} submitLabel="Add endpoint" />
          </section>
        </div>
      </Card>
    </div>
  );
}
