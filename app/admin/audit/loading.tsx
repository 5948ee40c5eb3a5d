import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("audit");
  return (
    <div className="space-y-4" aria-busy="true" aria-label={t("loading")}>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-16 animate-pulse rounded-lg bg-slate-100" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-12 animate-pulse rounded-lg bg-slate-100" />
      ))}
    </div>
  );
}
