import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { WebhookDeliveries } from "@/components/integrations/webhook-deliveries";
import { WebhookEndpointControls } from "@/components/integrations/webhook-endpoint-controls";
import { WebhookEndpointForm } from "@/components/integrations/webhook-endpoint-form";
import { WebhookEndpointState } from "@/components/integrations/webhook-endpoint-state";
import { WebhookSecret } from "@/components/integrations/webhook-secret";
import { Pagination } from "@/components/orders/pagination";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/db/queries/webhooks";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import {
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "../actions";

export const metadata = { title: "Webhook endpoint" };

const searchSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  created: z.string().optional().catch(undefined),
});

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requirePageUser("admin");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const search = searchSchema.parse(await searchParams);
  const db = await getDb();
  const endpoint = await getWebhookEndpoint({ db, id });
  if (!endpoint) notFound();
  const { deliveries, totalCount, pageCount } = await listWebhookDeliveries({ db, endpointId: id, page: search.page });
  const page = Math.min(search.page, pageCount);
  const hrefFor = (p: number) => `/admin/integrations/webhooks/${id}${p > 1 ? `?page=${p}` : ""}`;

  return (
    <div className="space-y-4">
      <Link href="/admin/integrations" className="text-sm text-blue-700 hover:underline">
        ← Integrations
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold break-all">
          Webhook endpoint <span className="font-mono text-lg">{endpoint.url}</span>
        </h1>
        <WebhookEndpointState endpoint={endpoint} />
      </header>
      {search.created === "1" && (
        <Alert tone="success">Endpoint added. Give the receiver its signing secret below so it can verify each delivery.</Alert>
      )}
      {!endpoint.enabled && endpoint.disabledReason && (
        <Alert tone="error">
          <strong>Disabled automatically{endpoint.disabledAt ? ` on ${formatDateTime(endpoint.disabledAt)}` : ""}.</strong>{" "}
          {endpoint.disabledReason} Deliveries already queued wait and go out once it is enabled; new events are not queued meanwhile.
        </Alert>
      )}
      {!endpoint.enabled && !endpoint.disabledReason && (
        <Alert tone="warning">Disabled by an admin: new events are not queued for this endpoint.</Alert>
      )}
      <WebhookEndpointControls
        enabled={endpoint.enabled}
        setEnabled={setWebhookEndpointEnabledAction.bind(null, id)}
        sendTest={sendTestWebhookAction.bind(null, id)}
        remove={deleteWebhookEndpointAction.bind(null, id)}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Signing secret">
          <p className="mb-3 text-sm text-slate-600">
            Receivers verify the <code>webhook-signature</code> header with this secret, e.g. with the <code>standardwebhooks</code> library.
          </p>
          <WebhookSecret secret={endpoint.secret} rotate={rotateWebhookSecretAction.bind(null, id)} />
        </Card>
        <Card title="Settings">
          <WebhookEndpointForm
            key={endpoint.updatedAt.toISOString()}
            action={updateWebhookEndpointAction.bind(null, id)}
            initial={endpoint}
            submitLabel="Save endpoint"
          />
        </Card>
      </div>
      <Card
        title={`Deliveries (${totalCount})`}
        actions={
          <Link href={hrefFor(page)} className="text-sm text-blue-700 hover:underline">
            Refresh
          </Link>
        }
      >
        <WebhookDeliveries endpointId={id} endpointEnabled={endpoint.enabled} deliveries={deliveries} resendAction={resendWebhookDeliveryAction} />
        {totalCount > 0 && pageCount > 1 && (
          <div className="mt-4">
            <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
          </div>
        )}
      </Card>
    </div>
  );
}
