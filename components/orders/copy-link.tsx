"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies the customer's tracking link, e.g. to paste into a chat with the customer (or any value: `noun` names it). */
export function CopyLink({ url, label, noun = "link" }: { url: string; label: string; noun?: string }) {
  const [copied, setCopied] = useState<"yes" | "no">();
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
          Copy
        </Button>
      </div>
      <p className="text-xs text-slate-600" role="status">
        {copied === "yes"
          ? `${noun[0]!.toUpperCase()}${noun.slice(1)} copied.`
          : copied === "no"
            ? `Copying is blocked here: select the ${noun} and copy it.`
            : ""}
      </p>
    </div>
  );
}
