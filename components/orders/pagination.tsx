import Link from "next/link";
import { cn } from "@/components/ui/cn";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
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
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
      {link(page - 1, "← Previous", "prev")}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {link(page + 1, "Next →", "next")}
    </nav>
  );
}
