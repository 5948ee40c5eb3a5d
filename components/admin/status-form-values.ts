import type { CodePair } from "./external-codes-field";
import type { TemplateDraft } from "./template-list";

/** The editor's working copy: text where people type, converted to the action's input on save. */
export type StatusFormValues = {
  code: string;
  name: string;
  customerLabel: string;
  /** The name and customer label per language; empty: the ones above. */
  translations: Record<"pl" | "en", { name: string; customerLabel: string }>;
  description: string;
  colour: string;
  groupId: number;
  requiresPayment: boolean;
  allowCashOnDelivery: boolean;
  awaitsPayment: boolean;
  showDocumentsOnTracking: boolean;
  allowsEditing: boolean;
  slaHours: string;
  externalCodes: CodePair[];
  notifyCustomerEmail: boolean;
  notifyCustomerSms: boolean;
  notifyAdminEmail: boolean;
  adminEmails: string;
  notifyChannels: string[];
  commentTemplates: TemplateDraft[];
};

export function toStatusInput(v: StatusFormValues) {
  const sla = v.slaHours.trim();
  return {
    code: v.code,
    name: v.name,
    customerLabel: v.customerLabel,
    translations: Object.fromEntries(
      Object.entries(v.translations).map(([language, t]) => [language, { name: t.name.trim(), customerLabel: t.customerLabel.trim() || null }]),
    ),
    description: v.description,
    colour: v.colour,
    groupId: v.groupId,
    requiresPayment: v.requiresPayment,
    allowCashOnDelivery: v.requiresPayment && v.allowCashOnDelivery,
    awaitsPayment: v.awaitsPayment,
    showDocumentsOnTracking: v.showDocumentsOnTracking,
    allowsEditing: v.allowsEditing,
    // Not a number stays a string, so the server's message ("expected number") reaches the field.
    slaHours: sla === "" ? null : Number.isFinite(Number(sla)) ? Number(sla) : sla,
    externalCodes: v.externalCodes.map(({ channel, code }) => ({ channel, code })),
    notifyCustomerEmail: v.notifyCustomerEmail,
    notifyCustomerSms: v.notifyCustomerSms,
    notifyAdminEmail: v.notifyAdminEmail,
    adminEmails: v.adminEmails.split(/[\s,;]+/).filter(Boolean),
    notifyChannels: v.notifyChannels,
    commentTemplates: v.commentTemplates.map(({ title, body }) => ({ title, body })),
  };
}
