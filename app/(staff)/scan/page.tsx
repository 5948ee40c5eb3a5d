import { getLocale, getTranslations } from "next-intl/server";
import { ScanStation } from "@/components/scan/scan-station";
import { getDb } from "@/db";
import { listBoardOrderTypes, listBoardStatuses } from "@/db/queries/board";
import { requirePageUser } from "@/lib/auth";
import { scanAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("scan");
  return { title: t("title") };
}

export default async function ScanPage() {
  await requirePageUser("scan");
  const [db, locale, t] = await Promise.all([getDb(), getLocale(), getTranslations("scan")]);
  const types = await listBoardOrderTypes({ db, locale });
  const perType = await Promise.all(types.map((type) => listBoardStatuses({ db, orderTypeId: type.id, locale })));
  // One list of targets across order types: a packing table handles whatever lands on it.
  const seen = new Set<number>();
  const targets = perType.flat().filter((s) => !s.archived && !seen.has(s.id) && seen.add(s.id));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <ScanStation targets={targets} scan={scanAction} />
    </div>
  );
}
