"use client";

import { useState } from "react";

/** Reads the chosen image in the browser and sends it as a data: URL (the server checks type and size). */
export function LogoField({ initial, errors }: { initial: string | null; errors?: string[] }) {
  const [logo, setLogo] = useState(initial ?? "");
  return (
    <div className="space-y-1">
      <label htmlFor="logo" className="block text-sm font-medium text-slate-700">
        Logo <span className="font-normal text-slate-500">(PNG, JPEG, WebP or SVG, under 200 kB)</span>
      </label>
      <input type="hidden" name="logoDataUrl" value={logo} />
      <div className="flex items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL preview */}
        {logo && <img src={logo} alt="Current logo" className="h-10 max-w-40 rounded border border-slate-200 object-contain" />}
        <input
          id="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const reader = new FileReader();
            reader.onload = () => setLogo(String(reader.result));
            reader.readAsDataURL(file);
          }}
          className="text-sm"
        />
        {logo && (
          <button type="button" onClick={() => setLogo("")} className="text-sm text-red-700 hover:underline">
            Remove logo
          </button>
        )}
      </div>
      {errors && <p className="text-sm text-red-700">{errors.join(" ")}</p>}
    </div>
  );
}
