import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ApiKeysSection } from "@/components/integrations/api-keys-section";
import { CarrierReceivers, type CarrierReceiverItem } from "@/components/integrations/carrier-receivers";
import { WebhookEndpointForm } from "@/components/integrations/webhook-endpoint-form";
import { WebhookEndpointList } from "@/components/integrations/webhook-endpoint-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listWebhookEndpoints } from "@/db/queries/webhooks";
import { requirePageUser } from "@/lib/auth";
import { listApiKeys } from "@/lib/integrations/api-keys";
import { CARRIER_KEYS, listCarrierReceivers, receiverPath } from "@/lib/parcels";
import { getSettings } from "@/lib/settings";
import { createApiKeyAction, issueCarrierAddressAction, revokeApiKeyAction } from "./actions";
import { createWebhookEndpointAction } from "./webhooks/actions";

export async function generateMetadata() {
  const t = await getTranslations("integrations");
  return { title: t("title") };
}

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  await connection();
  const db = await getDb();
  const [keys, endpoints, receivers, { appUrl }, params, t] = await Promise.all([
    listApiKeys(db),
    listWebhookEndpoints({ db }),
    listCarrierReceivers(db),
    getSettings(db),
    searchParams,
    getTranslations("integrations"),
  ]);
  const carriers: CarrierReceiverItem[] = CARRIER_KEYS.map((carrier) => {
    const receiver = receivers.find((r) => r.carrier === carrier);
    return {
      carrier,
      address: receiver ? `${appUrl}${receiverPath(carrier, receiver.secret)}` : null,
      maskedAddress: `${appUrl}${receiverPath(carrier, "•".repeat(16))}`,
      lastReceivedAt: receiver?.lastReceivedAt?.toISOString() ?? null,
    };
  });
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {params.deleted === "1" && <Alert tone="success">{t("endpointDeleted")}</Alert>}
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
      <Card title={t("webhooks")}>
        <div className="space-y-6">
          <p className="text-sm text-slate-600">{t("webhooksIntro")}</p>
          <WebhookEndpointList items={endpoints} />
          <section aria-labelledby="add-endpoint" className="max-w-2xl space-y-3 border-t border-slate-100 pt-4">
            <h3 id="add-endpoint" className="text-sm font-semibold text-slate-800">
              {t("addEndpoint")}
            </h3>
            <WebhookEndpointForm action={createWebhookEndpointAction} submitLabel={t("addEndpointButton")} />
          </section>
        </div>
      </Card>
      <Card title={t("carriers.title")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t("carriers.intro")}</p>
          <CarrierReceivers items={carriers} issue={issueCarrierAddressAction} />
        </div>
      </Card>
    </div>
  );
}
