"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { StatusBadge } from "@/components/ui/status-badge";
import { FieldError } from "./field";

/** Tailwind's 700 shades: each keeps white badge text above WCAG AA contrast (4.5:1). */
export const ACCESSIBLE_PALETTE = [
  { hex: "#b91c1c", name: "red" },
  { hex: "#c2410c", name: "orange" },
  { hex: "#a16207", name: "amber" },
  { hex: "#15803d", name: "green" },
  { hex: "#0f766e", name: "teal" },
  { hex: "#0369a1", name: "sky" },
  { hex: "#1d4ed8", name: "blue" },
  { hex: "#6d28d9", name: "violet" },
  { hex: "#a21caf", name: "fuchsia" },
  { hex: "#be123c", name: "rose" },
  { hex: "#4b5563", name: "grey" },
  { hex: "#1e293b", name: "slate" },
] as const;

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * A colour as hex, picked from the palette, the system picker or typed. Whatever the choice, the
 * preview badge picks black or white text by contrast, the same way every badge in the app does.
 */
export function ColourField({
  label,
  value,
  onChange,
  errors,
  preview,
}: {
  label: string;
  value: string;
  onChange: (hex: string) => void;
  errors?: string[];
  preview: string;
}) {
  const id = useId();
  const t = useTranslations("admin.colour");
  const valid = HEX.test(value);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("palette", { label })}>
        {ACCESSIBLE_PALETTE.map((c) => (
          <button
            key={c.hex}
            type="button"
            aria-label={t("swatch", { name: t(`names.${c.name}`), hex: c.hex })}
            aria-pressed={value.toLowerCase() === c.hex}
            onClick={() => onChange(c.hex)}
            className={cn("h-7 w-7 rounded-full border-2", value.toLowerCase() === c.hex ? "border-slate-900 ring-2 ring-offset-1" : "border-white")}
            style={{ backgroundColor: c.hex }}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-picker`} className="sr-only">
          {t("picker", { label })}
        </label>
        <input
          id={`${id}-picker`}
          type="color"
          value={valid ? value : "#000000"}
          onChange={(e) => onChange(e.target.value)}
          className="h-9 w-12 cursor-pointer rounded border border-slate-300"
        />
        <label htmlFor={`${id}-hex`} className="sr-only">
          {t("hex", { label })}
        </label>
        <input
          id={`${id}-hex`}
          value={value}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className="w-28 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm aria-invalid:border-red-600"
          placeholder={"#1d4ed8"}
        />
        {valid && <StatusBadge name={preview || t("preview")} colour={value} />}
      </div>
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
