import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { WebhookEndpoint } from "@/db/schema";

/** Enabled, disabled by an admin, or disabled automatically (it has a reason). */
export function WebhookEndpointState({ endpoint }: { endpoint: Pick<WebhookEndpoint, "enabled" | "disabledReason"> }) {
  const t = useTranslations("integrations.endpoint.states");
  const [label, tone] = endpoint.enabled
    ? [t("enabled"), "bg-green-100 text-green-900"]
    : endpoint.disabledReason
      ? [t("disabledAuto"), "bg-red-100 text-red-900"]
      : [t("disabled"), "bg-slate-200 text-slate-800"];
  return <span className={cn("rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap", tone)}>{label}</span>;
}
