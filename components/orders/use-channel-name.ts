import { useTranslations } from "next-intl";
import { channelName } from "@/lib/channel-name";

/** `channelName` in the reader's language, for components on either side (next-intl's hook works in both). */
export function useChannelName(): (code: string) => string {
  const t = useTranslations("common.salesChannels");
  return (code) => channelName(code, (key) => t(key));
}
