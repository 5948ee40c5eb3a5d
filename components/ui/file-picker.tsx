"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { buttonClasses } from "./button";

/**
 * A file field whose button and "no file chosen" are the catalogue's words, not the browser's
 * (which speak the browser's language, not the one the reader chose). The native input stays:
 * visually hidden but focusable, named by the field's own label, opened by Enter or Space; the
 * visible button only passes a mouse click on to it, and shows the input's focus.
 */
export function FilePicker({ id, accept, onFile }: { id: string; accept: string; onFile: (file: File | undefined) => void }) {
  const t = useTranslations("common.file");
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string>();
  return (
    <div className="mt-1 flex flex-wrap items-center gap-3">
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        className="peer sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          setChosen(file?.name);
          onFile(file);
        }}
      />
      <span
        aria-hidden="true"
        onClick={() => input.current?.click()}
        className={buttonClasses("secondary", "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-700")}
      >
        {t("choose")}
      </span>
      <span className="text-sm text-slate-600">{chosen ?? t("none")}</span>
    </div>
  );
}
