import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const STYLES = {
  pending: "bg-amber-100 text-amber-900",
  sending: "bg-blue-100 text-blue-900",
  sent: "bg-green-100 text-green-900",
  dead: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-800",
  skipped: "bg-slate-200 text-slate-800",
} as const;


export function MessageState({ state }: { state: keyof typeof STYLES }) {
  const t = useTranslations("mailbox");
  return <span className={cn("rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap", STYLES[state])}>{t(`states.${state}`)}</span>;
}
