"use client";

import { useActionState, type InputHTMLAttributes } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Settings } from "@/db/schema";
import type { ActionState } from "@/lib/action-state";
import { CourierLinksField } from "./courier-links-field";
import { LogoField } from "./logo-field";

type Props = { settings: Settings; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function SettingsForm({ settings, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof Settings, label: string, props: InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        defaultValue={String(settings[name] ?? "")}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
        {...props}
      />
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {errors[name] && (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      )}
    </div>
  );

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">The shop</h2>
        {field("shopName", "Shop name", { required: true })}
        <div className="space-y-1">
          <label htmlFor="brandColour" className="block text-sm font-medium text-slate-700">
            Brand colour
          </label>
          <div className="flex gap-2">
            <input id="brandColour" name="brandColour" defaultValue={settings.brandColour} aria-invalid={errors.brandColour ? true : undefined} className="w-32 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-invalid:border-red-600" />
            <span className="h-9 w-9 rounded border border-slate-300" style={{ backgroundColor: settings.brandColour }} aria-hidden="true" />
          </div>
          {errors.brandColour && <p className="text-sm text-red-700">{errors.brandColour.join(" ")}</p>}
        </div>
        <div className="md:col-span-2">
          <LogoField initial={settings.logoDataUrl} errors={errors.logoDataUrl} />
        </div>
        <div className="space-y-1">
          <label htmlFor="defaultLocale" className="block text-sm font-medium text-slate-700">
            Default language for customers
          </label>
          <select id="defaultLocale" name="defaultLocale" defaultValue={settings.defaultLocale} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="pl">Polish</option>
            <option value="en">English</option>
          </select>
        </div>
        {field("appUrl", "App address", { type: "url", required: true }, "Used in links to the tracking page, e.g. https://orders.example.com")}
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">Contact and payment</h2>
        {field("supportEmail", "Support email", { type: "email" }, "Shown to customers and used as reply-to")}
        {field("supportPhone", "Support phone", { type: "tel" })}
        {field("senderEmail", "Sender address", { type: "email" }, "The From of emails; verify the domain with your email provider")}
        {field("bankAccount", "Bank account for transfers", {}, "Shown while an order awaits a transfer")}
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">Seller on invoices</h2>
        {field("sellerName", "Seller name", { autoComplete: "organization" }, "The legal name printed on pro-formas and invoices")}
        {field("sellerTaxId", "Tax ID (NIP)", { inputMode: "text" }, "A Polish NIP is checked for typos; EU VAT numbers start with the country code")}
        <div className="space-y-1 md:col-span-2">
          <label htmlFor="sellerAddress" className="block text-sm font-medium text-slate-700">
            Seller address
          </label>
          <textarea
            id="sellerAddress"
            name="sellerAddress"
            rows={3}
            defaultValue={settings.sellerAddress ?? ""}
            aria-invalid={errors.sellerAddress ? true : undefined}
            aria-describedby={errors.sellerAddress ? "sellerAddress-error" : "sellerAddress-hint"}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
          />
          <p id="sellerAddress-hint" className="text-xs text-slate-500">
            One line per row, as printed: street, postal code and city, country
          </p>
          {errors.sellerAddress && (
            <p id="sellerAddress-error" className="text-sm text-red-700">
              {errors.sellerAddress.join(" ")}
            </p>
          )}
        </div>
        <p className="text-xs text-slate-600 md:col-span-2">Invoices need all three; a pro-forma falls back to the shop name.</p>
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">SMS and couriers</h2>
        {field("smsPriceDomestic", "SMS price per part, Poland (zł)", { type: "number", step: "0.01", min: 0, defaultValue: (settings.smsPriceDomestic / 100).toFixed(2) })}
        {field("smsPriceForeign", "SMS price per part, abroad (zł)", { type: "number", step: "0.01", min: 0, defaultValue: (settings.smsPriceForeign / 100).toFixed(2) })}
        <div className="md:col-span-2">
          <CourierLinksField initial={settings.courierTrackingLinks} errors={errors} />
        </div>
      </section>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
