import { asFormAction } from "@/lib/action-result";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
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
import { idFromSegment, pageSearchParam } from "@/lib/url-params";
import {
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("integrations");
  return { title: t("endpoint.title") };
}

const searchSchema = z.object({
  page: pageSearchParam,
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
  const id = idFromSegment((await params).id);
  if (id === undefined) notFound();
  const search = searchSchema.parse(await searchParams);
  const db = await getDb();
  const endpoint = await getWebhookEndpoint({ db, id });
  if (!endpoint) notFound();
  const { deliveries, totalCount, pageCount } = await listWebhookDeliveries({ db, endpointId: id, page: search.page });
  const page = Math.min(search.page, pageCount);
  const [t, ti, locale, timeZone] = await Promise.all([getTranslations("integrations.endpoint"), getTranslations("integrations"), getLocale(), getTimeZone()]);
  const hrefFor = (p: number) => `/admin/integrations/webhooks/${id}${p > 1 ? `?page=${p}` : ""}`;

  return (
    <div className="space-y-4">
      <Link href="/admin/integrations" className="text-sm text-blue-700 hover:underline">
        ← {ti("title")}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold break-all">
          {t("heading")} <span className="font-mono text-lg">{endpoint.url}</span>
        </h1>
        <WebhookEndpointState endpoint={endpoint} />
      </header>
      {search.created === "1" && (
        <Alert tone="success">{t("added")}</Alert>
      )}
      {!endpoint.enabled && endpoint.disabledReason && (
        <Alert tone="error">
          <strong>
            {endpoint.disabledAt ? t("disabledAuto", { date: formatDateTime(endpoint.disabledAt, locale, timeZone) }) : t("disabledAutoNoDate")}
          </strong>{" "}
          {endpoint.disabledReason} {t("disabledAutoRest")}
        </Alert>
      )}
      {!endpoint.enabled && !endpoint.disabledReason && (
        <Alert tone="warning">{t("disabledByAdmin")}</Alert>
      )}
      <WebhookEndpointControls
        endpointId={id}
        enabled={endpoint.enabled}
        setEnabled={setWebhookEndpointEnabledAction}
        sendTest={sendTestWebhookAction}
        remove={deleteWebhookEndpointAction}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("secret")}>
          <p className="mb-3 text-sm text-slate-600">{t.rich("secretIntro", { code: (chunks) => <code>{chunks}</code> })}</p>
          <WebhookSecret endpointId={id} secret={endpoint.secret} rotate={rotateWebhookSecretAction} />
        </Card>
        <Card title={t("settings")}>
          <WebhookEndpointForm
            key={endpoint.updatedAt.toISOString()}
            action={updateWebhookEndpointAction}
            endpointId={id}
            initial={endpoint}
            submitLabel={t("save")}
          />
        </Card>
      </div>
      <Card
        title={t("deliveries", { count: String(totalCount) })}
        actions={
          <Link href={hrefFor(page)} className="text-sm text-blue-700 hover:underline">
            {t("refresh")}
          </Link>
        }
      >
        <WebhookDeliveries endpointId={id} endpointEnabled={endpoint.enabled} deliveries={deliveries} resendAction={asFormAction(resendWebhookDeliveryAction)} />
        {totalCount > 0 && pageCount > 1 && (
          <div className="mt-4">
            <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
          </div>
        )}
      </Card>
    </div>
  );
}
