import { isWebUrl } from "./web-url";

/**
 * The courier's tracking page for a parcel, from the shop's link template, or null. A template
 * stored before links had to be web addresses (`javascript:`, `data:`) gives no link at all
 * rather than reaching the tracking page, an email or a webhook.
 */
export function courierTrackingLink(
  templates: Record<string, string>,
  courier: string | null | undefined,
  trackingNumber: string | null | undefined,
): string | null {
  const template = courier ? templates[courier] : undefined;
  if (!template || !trackingNumber || !isWebUrl(template)) return null;
  return template.replaceAll("{trackingNumber}", encodeURIComponent(trackingNumber));
}
