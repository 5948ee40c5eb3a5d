"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/**
 * A destructive button that asks first, in place: the first press turns it into "Confirm" and
 * "Cancel", so nothing is destroyed by one stray click and no modal steals focus.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  disabled,
  variant = "danger",
}: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  variant?: ButtonVariant;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant={variant === "danger" ? "secondary" : variant} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{question}</span>
      <Button
        variant={variant}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
