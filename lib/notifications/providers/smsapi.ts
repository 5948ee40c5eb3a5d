import { isRetryableStatus, parseRetryAfter, type SmsProvider } from "./types";
import { errorMessage } from "@/lib/error-causes";

/**
 * SMSAPI's HTTP API (sms.do). `idx` carries the idempotency key and `check_idx` makes SMSAPI
 * refuse a second message with the same key, so a retried send never texts the customer twice.
 */
export function createSmsapiProvider(options: { token: string; baseUrl?: string; sender?: string; timeoutMs?: number }): SmsProvider {
  const baseUrl = (options.baseUrl ?? "https://api.smsapi.pl").replace(/\/+$/, "");
  return {
    name: "smsapi",
    async sendSms(message) {
      const body = new URLSearchParams({
        to: message.to.replace(/[^\d+]/g, ""),
        message: message.text,
        format: "json",
        encoding: "utf-8",
        idx: message.idempotencyKey.slice(0, 255),
        check_idx: "1",
        ...(options.sender ? { from: options.sender } : {}),
      });
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/sms.do`, {
          method: "POST",
          headers: { Authorization: `Bearer ${options.token}` },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        return { ok: false, retryable: true, error: `network: ${errorMessage(error)}` };
      }
      const payload = (await response.json().catch(() => ({}))) as { list?: { id?: string }[]; error?: number; message?: string };
      const id = payload.list?.[0]?.id;
      if (response.ok && id && !payload.error) return { ok: true, providerMessageId: id };
      return {
        ok: false,
        retryable: isRetryableStatus(response.status) && !payload.error,
        error: `${response.status}: ${payload.message ?? response.statusText}`,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      };
    },
  };
}
