import { connection } from "next/server";
import { WebhookEndpointForm } from "@/components/integrations/webhook-endpoint-form";
import { WebhookEndpointList } from "@/components/integrations/webhook-endpoint-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listWebhookEndpoints } from "@/db/queries/webhooks";
import { requirePageUser } from "@/lib/auth";
import { createWebhookEndpointAction } from "./webhooks/actions";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  await connection();
  const [endpoints, params] = await Promise.all([listWebhookEndpoints({ db: await getDb() }), searchParams]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Integrations</h1>
        <p className="text-sm text-slate-600">Connect ERP systems and marketplace connectors to Orderly.</p>
      </div>
      {params.deleted === "1" && <Alert tone="success">Endpoint deleted.</Alert>}
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
