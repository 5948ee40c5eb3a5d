import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusForm } from "@/components/admin/status-form";
import { getDb } from "@/db";
import { listSalesChannels, listStatusGroups } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { createStatusAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("statuses");
  return { title: t("metaTitleNew") };
}

export default async function NewStatusPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  await requirePageUser("admin");
  const [t, locale] = await Promise.all([getTranslations("statuses"), getLocale()]);
  const db = await getDb();
  const [groups, channels, { group }] = await Promise.all([listStatusGroups({ db, locale }), listSalesChannels({ db }), searchParams]);
  const groupId = groups.find((g) => String(g.id) === group)?.id ?? groups[0]?.id;
  return (
    <div className="space-y-4">
      <Link href="/admin/statuses" className="text-sm text-blue-700 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newStatus")}</h1>
      {groupId === undefined ? (
        <p className="text-sm text-slate-600">{t("addGroupFirst")}</p>
      ) : (
        <StatusForm
          groups={groups}
          channels={channels}
          save={createStatusAction}
          initial={{
            code: "",
            name: "",
            customerLabel: "",
            translations: { pl: { name: "", customerLabel: "" }, en: { name: "", customerLabel: "" } },
            description: "",
            colour: "#1d4ed8",
            groupId,
            requiresPayment: false,
            allowCashOnDelivery: false,
            awaitsPayment: false,
            showDocumentsOnTracking: false,
            allowsEditing: false,
            slaHours: "",
            externalCodes: [],
            notifyCustomerEmail: false,
            notifyCustomerSms: false,
            notifyAdminEmail: false,
            adminEmails: "",
            notifyChannels: [],
            commentTemplates: [],
          }}
        />
      )}
    </div>
  );
}
