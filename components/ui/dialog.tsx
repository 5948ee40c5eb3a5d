"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal built on the native <dialog>: the browser traps focus, closes on Escape and makes the
 * page behind inert, which no hand-rolled overlay gets fully right.
 */
export function Dialog({
  open,
  title,
  onClose,
  describedBy,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  /** The id of the text a screen reader should read with the title when the dialog opens. */
  describedBy?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Each dialog names itself by its own title: a page holds several (bulk change, the list's
  // confirmation, the stranding question), and one shared id would label them all by the first.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={open ? describedBy : undefined}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="mb-4 text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
