"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/statuses", label: "Statuses" },
  { href: "/admin/workflows", label: "Order types" },
  { href: "/admin/workflow-io", label: "Import / export" },
  { href: "/admin/templates", label: "Messages" },
  { href: "/admin/automations", label: "Automations" },
  { href: "/admin/integrations", label: "Integrations" },
  { href: "/admin/mailbox", label: "Mailbox" },
  { href: "/admin/settings", label: "Settings" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {LINKS.map((link) => {
        const current = link.exact ? pathname === link.href : pathname.startsWith(link.href);
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
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
