import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("analytics");
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t("loading")}>
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-14 animate-pulse rounded-lg bg-slate-100" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-slate-100" />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="h-72 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-72 animate-pulse rounded-lg bg-slate-100" />
      </div>
    </div>
  );
}
