"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/admin", label: "overview", exact: true },
  { href: "/admin/statuses", label: "statuses" },
  { href: "/admin/workflows", label: "orderTypes" },
  { href: "/admin/workflow-io", label: "io" },
  { href: "/admin/templates", label: "messages" },
  { href: "/admin/automations", label: "automations" },
  { href: "/admin/integrations", label: "integrations" },
  { href: "/admin/mailbox", label: "mailbox" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/roles", label: "roles" },
  { href: "/admin/audit", label: "audit" },
  { href: "/admin/settings", label: "settings" },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {LINKS.map((link) => {
        const current = "exact" in link ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2",
              current ? "border-blue-700 font-medium text-blue-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(link.label)}
          </Link>
        );
      })}
    </nav>
  );
}
