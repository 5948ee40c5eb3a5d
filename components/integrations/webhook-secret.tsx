"use client";

import { type ActionResult } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { SecretField } from "./secret-field";

/**
 * An endpoint's signing secret. Rotating takes effect at once (retries too), so it asks first:
 * the receiver must get the new secret.
 */
export function WebhookSecret({
  endpointId,
  secret,
  rotate,
}: {
  endpointId: number;
  secret: string;
  rotate: (input: { id: number }) => Promise<ActionResult<{ secret: string }>>;
}) {
  const t = useTranslations("integrations.secret");
  return (
    <SecretField
      value={secret}
      masked={`whsec_${"•".repeat(24)}`}
      texts={{ label: t("label"), copied: t("copied"), rotate: t("rotate"), rotateConfirm: t("rotateConfirm"), rotateQuestion: t("rotateQuestion") }}
      rotate={async () => {
        const result = await rotate({ id: endpointId });
        return result.ok ? { ...result, value: { value: result.value.secret } } : result;
      }}
    />
  );
}
