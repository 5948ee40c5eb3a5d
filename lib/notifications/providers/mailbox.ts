import type { EmailProvider, SmsProvider } from "./types";

/**
 * The development mailbox: nothing leaves the machine. The message is marked sent with its
 * rendered subject and body kept on the outbox row, where /admin/mailbox shows it.
 */
export const mailboxEmailProvider: EmailProvider = {
  name: "mailbox",
  async sendEmail(message) {
    return { ok: true, providerMessageId: `mailbox:${message.idempotencyKey}` };
  },
};

export const mailboxSmsProvider: SmsProvider = {
  name: "mailbox",
  async sendSms(message) {
    return { ok: true, providerMessageId: `mailbox:${message.idempotencyKey}` };
  },
};
