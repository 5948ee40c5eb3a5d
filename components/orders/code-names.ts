import { useLocale, useTranslations } from "next-intl";
import type { FilterFacets } from "@/db/queries/board";
import { channelName } from "@/lib/channel-name";
import { courierName } from "@/lib/courier-name";
import { namedOptions, type NamedOption } from "@/lib/named-options";

// The names of the codes an order carries, in the reader's language. next-intl's hook works in
// server and client components alike, so every screen that shows such a code calls these.

/** `channelName` in the reader's language. */
export function useChannelName(): (code: string) => string {
  const t = useTranslations("common.salesChannels");
  return (code) => channelName(code, t);
}

const KNOWN_METHODS = ["cod", "card", "transfer"] as const;

/** A payment method's name in the reader's language where the catalogue knows it, else as stored. */
export function usePaymentMethodName(): (method: string) => string {
  const t = useTranslations("orders.paymentMethods");
  return (method) => ((KNOWN_METHODS as readonly string[]).includes(method) ? t(method as (typeof KNOWN_METHODS)[number]) : method);
}

/** The filter menus' options for the channels, couriers and payment methods in use, by name. */
export function useFacetOptions(facets: FilterFacets): Record<keyof FilterFacets, NamedOption[]> {
  const locale = useLocale();
  const channel = useChannelName();
  const method = usePaymentMethodName();
  return {
    channels: namedOptions(facets.channels, channel, locale),
    couriers: namedOptions(facets.couriers, courierName, locale),
    paymentMethods: namedOptions(facets.paymentMethods, method, locale),
  };
}
