import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { StatusForm } from "@/components/admin/status-form";
import { StatusLifecycle } from "@/components/admin/status-lifecycle";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { getStatusForEditor, listSalesChannels, listStatusGroups } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { nameIn } from "@/lib/i18n/name-in";
import { archiveStatusAction, deleteStatusAction, updateStatusAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("statuses");
  return { title: t("metaTitleOne", { code: (await params).code }) };
}

export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await requirePageUser("admin");
  const [t, locale] = await Promise.all([getTranslations("statuses"), getLocale()]);
  const db = await getDb();
  const [{ code }, { saved }] = await Promise.all([params, searchParams]);
  const [found, groups, channels] = await Promise.all([
    getStatusForEditor({ db, code }),
    listStatusGroups({ db, locale }),
    listSalesChannels({ db }),
  ]);
  if (!found) notFound();
  const { status: s, templates, ordersInStatus } = found;
  const archived = s.archivedAt !== null;
  const name = nameIn(s, locale);
  const translation = (language: "pl" | "en") => ({
    name: s.translations[language]?.name ?? "",
    customerLabel: s.translations[language]?.customerLabel ?? "",
  });

  return (
    <div className="space-y-4">
      <Link href="/admin/statuses" className="text-sm text-blue-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <StatusBadge name={name} colour={s.colour} />
        {archived && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-700">{t("archivedBadge")}</span>}
      </div>
      {saved && <Alert tone="success">{t("saved")}</Alert>}
      {/* Keyed by update time so a save that changed the row resets the form to what was stored. */}
      <StatusForm
        key={s.updatedAt.toISOString()}
        statusId={s.id}
        groups={groups}
        channels={channels}
        save={updateStatusAction}
        initial={{
          code: s.code,
          name: s.name,
          customerLabel: s.customerLabel ?? "",
          translations: { pl: translation("pl"), en: translation("en") },
          description: s.description,
          colour: s.colour,
          groupId: s.groupId,
          requiresPayment: s.requiresPayment,
          allowCashOnDelivery: s.allowCashOnDelivery,
          awaitsPayment: s.awaitsPayment,
          showDocumentsOnTracking: s.showDocumentsOnTracking,
          allowsEditing: s.allowsEditing,
          slaHours: s.slaHours === null ? "" : String(s.slaHours),
          externalCodes: Object.entries(s.externalCodes).map(([channel, c]) => ({ key: `${channel}`, channel, code: c })),
          notifyCustomerEmail: s.notifyCustomerEmail,
          notifyCustomerSms: s.notifyCustomerSms,
          notifyAdminEmail: s.notifyAdminEmail,
          adminEmails: s.adminEmails.join(", "),
          notifyChannels: s.notifyChannels,
          commentTemplates: templates.map((t) => ({ key: String(t.id), title: t.title, body: t.body })),
        }}
      />
      <Card title={t("lifecycle.card")}>
        <StatusLifecycle
          status={{ id: s.id, name, archived }}
          ordersInStatus={ordersInStatus}
          archive={archiveStatusAction}
          remove={deleteStatusAction}
        />
      </Card>
    </div>
  );
}
