import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The pager's words, from the page's catalogue in the reader's language (English when none are given). */
export type PaginationLabels = { nav: string; previous: string; next: string; pageOf: (page: number, pageCount: number) => string };

const ENGLISH: PaginationLabels = {
  nav: "Pagination",
  previous: "← Previous",
  next: "Next →",
  pageOf: (page, pageCount) => `Page ${page} of ${pageCount}`,
};

export function Pagination({
  page,
  pageCount,
  hrefFor,
  labels = ENGLISH,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels?: PaginationLabels;
}) {
  const link = (target: number, label: string, rel?: string) => {
    const disabled = target < 1 || target > pageCount;
    return disabled ? (
      <span className="rounded-md px-3 py-1.5 text-slate-400" aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link href={hrefFor(target)} rel={rel} className={cn("rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100")}>
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between text-sm">
      {link(page - 1, labels.previous, "prev")}
      <span className="text-slate-600">{labels.pageOf(page, pageCount)}</span>
      {link(page + 1, labels.next, "next")}
    </nav>
  );
}
