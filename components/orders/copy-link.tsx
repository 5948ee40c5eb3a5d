"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies the customer's tracking link, e.g. to paste into a chat with the customer, or any value
 * (`noun` other than "link": the confirmation then speaks of the value, not of a link).
 */
export function CopyLink({ url, label, noun = "link" }: { url: string; label: string; noun?: string }) {
  const t = useTranslations("order.copy");
  const [copied, setCopied] = useState<"yes" | "no">();
  const isLink = noun === "link";
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <input readOnly value={url} aria-label={label} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs" />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied("yes");
            } catch {
              // Clipboard access needs a secure context; the field is selectable as a fallback.
              setCopied("no");
            }
          }}
        >
          {t("copy")}
        </Button>
      </div>
      <p className="text-xs text-slate-600" role="status">
        {copied === "yes" ? t(isLink ? "copied" : "copiedValue") : copied === "no" ? t(isLink ? "blocked" : "blockedValue") : ""}
      </p>
    </div>
  );
}
