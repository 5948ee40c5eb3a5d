import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("pages.notFound");
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-slate-600">{"404"}</p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <Link href="/orders" className={buttonClasses("secondary")}>
        {t("back")}
      </Link>
    </main>
  );
}
