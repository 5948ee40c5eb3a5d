import { env } from "@/lib/env";
import { mailboxEmailProvider, mailboxSmsProvider } from "./mailbox";
import { createResendProvider } from "./resend";
import { createSmsapiProvider } from "./smsapi";
import type { EmailProvider, SmsProvider } from "./types";

/** The providers the environment configures; the dev mailbox stands in for any that is not. */
export function providersFromEnv(): { email: EmailProvider; sms: SmsProvider } {
  const e = env();
  return {
    email: e.RESEND_API_KEY
      ? createResendProvider({
          apiKey: e.RESEND_API_KEY,
          baseUrl: e.RESEND_BASE_URL,
          timeoutMs: e.PROVIDER_TIMEOUT_MS,
          requestsPerSecond: e.RESEND_REQUESTS_PER_SECOND,
          batchSize: e.RESEND_BATCH_SIZE,
        })
      : mailboxEmailProvider,
    sms: e.SMSAPI_TOKEN
      ? createSmsapiProvider({
          token: e.SMSAPI_TOKEN,
          baseUrl: e.SMSAPI_BASE_URL,
          sender: e.SMSAPI_SENDER,
          timeoutMs: e.PROVIDER_TIMEOUT_MS,
        })
      : mailboxSmsProvider,
  };
}

export type { EmailProvider, SmsProvider, SendOutcome } from "./types";
