import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { MatrixEditor } from "@/components/admin/matrix-editor";
import { getDb } from "@/db";
import { getMatrixEditor } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { nameIn } from "@/lib/i18n/name-in";
import { setTransitionAction, setTransitionRowAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ orderType: string }> }) {
  const t = await getTranslations("workflows");
  return { title: t("metaTitleMatrix", { code: (await params).orderType }) };
}

export default async function MatrixPage({ params }: { params: Promise<{ orderType: string }> }) {
  await requirePageUser("admin");
  const [{ orderType }, t, locale] = await Promise.all([params, getTranslations("workflows"), getLocale()]);
  const data = await getMatrixEditor({ db: await getDb(), code: orderType, locale });
  if (!data) notFound();
  const initial = data.statuses.find((s) => s.id === data.type.initialStatusId);
  return (
    <div className="space-y-4">
      <Link href="/admin/workflows" className="text-sm text-blue-700 hover:underline">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("matrix.title", { name: nameIn(data.type, locale) })}</h1>
        <p className="text-sm text-slate-600">
          {t.rich("matrix.startsIn", {
            status: initial?.name ?? t("matrix.unknownStatus"),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      </div>
      <MatrixEditor
        orderTypeId={data.type.id}
        initialStatusId={data.type.initialStatusId}
        statuses={data.statuses}
        groups={data.groups.map((g) => ({ id: g.id, name: g.name, colour: g.colour }))}
        transitions={data.transitions}
        setTransition={setTransitionAction}
        setRow={setTransitionRowAction}
      />
    </div>
  );
}
