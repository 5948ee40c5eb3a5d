import { getTranslations } from "next-intl/server";

/** The staff screens' loading state: a title bar and rows, announced as busy. */
export async function PageSkeleton() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-3" aria-busy="true" aria-label={t("states.loading")}>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
