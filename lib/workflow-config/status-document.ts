import type { CommentTemplate, Status } from "@/db/schema";
import type { WorkflowDocument } from "./document";

/**
 * A status as the workflow document and the audit trail both describe it: its settings, whether
 * it is archived, and its comment templates; `group` is however the reader names the group (the
 * document by key, the audit trail by name).
 */
export function statusDocument(status: Status, group: string, templates: CommentTemplate[]): WorkflowDocument["statuses"][number] {
  return {
    code: status.code,
    name: status.name,
    customerLabel: status.customerLabel,
    description: status.description,
    colour: status.colour,
    group,
    requiresPayment: status.requiresPayment,
    allowCashOnDelivery: status.allowCashOnDelivery,
    awaitsPayment: status.awaitsPayment,
    showDocumentsOnTracking: status.showDocumentsOnTracking,
    allowsEditing: status.allowsEditing,
    slaHours: status.slaHours,
    externalCodes: status.externalCodes,
    notifyCustomerEmail: status.notifyCustomerEmail,
    notifyCustomerSms: status.notifyCustomerSms,
    notifyAdminEmail: status.notifyAdminEmail,
    adminEmails: status.adminEmails,
    notifyChannels: status.notifyChannels,
    translations: status.translations as WorkflowDocument["statuses"][number]["translations"],
    archived: status.archivedAt !== null,
    commentTemplates: templates.filter((t) => t.statusId === status.id).map((t) => ({ title: t.title, body: t.body })),
  };
}
