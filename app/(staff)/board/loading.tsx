import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("board");
  return (
    <div className="space-y-4" aria-busy="true" aria-label={t("loading")}>
      <div className="h-8 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-14 animate-pulse rounded-lg bg-slate-100" />
      <div className="flex gap-3 overflow-hidden">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-96 w-72 shrink-0 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
