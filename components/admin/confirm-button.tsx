"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("common.actions");
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
        // The button pressed a moment ago is gone; focus goes to its replacement, not to the page's start.
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just asked for this, so focus follows
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        {t("cancel")}
      </Button>
    </span>
  );
}
