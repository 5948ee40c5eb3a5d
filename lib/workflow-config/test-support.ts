// Shared by this folder's database tests: a complete, valid status input to vary per test.
import { randomBytes } from "node:crypto";
import type { StatusInput } from "./schemas";

export const uniqueCode = (prefix: string) => `${prefix}_${randomBytes(4).toString("hex")}`;

export function statusInput(groupId: number, patch: Partial<StatusInput> = {}): StatusInput {
  return {
    code: uniqueCode("st"),
    name: "Packed",
    customerLabel: "Packed",
    description: "",
    colour: "#1d4ed8",
    groupId,
    requiresPayment: false,
    allowCashOnDelivery: false,
    awaitsPayment: false,
    showDocumentsOnTracking: false,
    allowsEditing: false,
    slaHours: null,
    externalCodes: [],
    notifyCustomerEmail: false,
    notifyCustomerSms: false,
    notifyAdminEmail: false,
    adminEmails: [],
    notifyChannels: [],
    commentTemplates: [],
    ...patch,
  };
}
