"use client";

import { startTransition, useActionState } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { formatDateTime, formatMoney } from "@/lib/format";

export type DocumentRow = { id: number; kind: "proforma" | "invoice"; number: string; createdAt: Date; gross: number; currency: string; createdBy: string };

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

const KIND_LABEL = { invoice: "Invoice", proforma: "Pro-forma" } as const;

/**
 * The order's pro-formas and invoices: issue, download, email to the customer. Issuing an
 * invoice the order already has answers with the existing one, so the button can stay.
 */
export function DocumentsPanel({
  orderId,
  orderNumber,
  customerEmail,
  documents,
  issueAction,
  emailAction,
}: {
  orderId: number;
  orderNumber: string;
  customerEmail: string | null;
  documents: DocumentRow[];
  issueAction: FormAction;
  emailAction: FormAction;
}) {
  const [issueState, issueFormAction, issuing] = useActionState(issueAction, {});
  const [emailState, emailFormAction, emailing] = useActionState(emailAction, {});
  const hasInvoice = documents.some((d) => d.kind === "invoice");

  const sendEmail = (documentId: number) => {
    const data = new FormData();
    data.set("orderId", String(orderId));
    data.set("documentId", String(documentId));
    startTransition(() => emailFormAction(data));
  };

  return (
    <div className="space-y-3" aria-busy={issuing || emailing}>
      {issueState.message && <Alert tone={issueState.ok ? "success" : "error"}>{issueState.message}</Alert>}
      {emailState.message && <Alert tone={emailState.ok ? "success" : "error"}>{emailState.message}</Alert>}

      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">No documents yet. Issue a pro-forma for payment in advance, or the invoice.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Documents">
          {documents.map((doc) => (
            <li key={doc.id} className="space-y-2 py-2 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <a
                  href={`/orders/${encodeURIComponent(orderNumber)}/documents/${doc.id}`}
                  download
                  className="font-medium text-blue-700 hover:underline"
                  aria-label={`Download ${KIND_LABEL[doc.kind]} ${doc.number} (PDF)`}
                >
                  {doc.number}
                </a>
                <span className="tabular-nums">{formatMoney(doc.gross, doc.currency)}</span>
              </div>
              <div className="text-xs text-slate-600">
                {KIND_LABEL[doc.kind]} · {formatDateTime(doc.createdAt)} · {doc.createdBy}
              </div>
              {customerEmail && (
                <ConfirmButton
                  label="Email to customer"
                  confirmLabel="Send"
                  question={`Email ${doc.number} to ${customerEmail}?`}
                  variant="primary"
                  disabled={emailing}
                  onConfirm={() => sendEmail(doc.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {!customerEmail && documents.length > 0 && <p className="text-xs text-slate-600">The customer has no email address, so documents cannot be emailed.</p>}

      <form action={issueFormAction} className="flex flex-wrap gap-2">
        <input type="hidden" name="orderId" value={orderId} />
        <Button type="submit" name="kind" value="proforma" variant="secondary" disabled={issuing}>
          Issue pro-forma
        </Button>
        <Button type="submit" name="kind" value="invoice" variant="secondary" disabled={issuing || hasInvoice} title={hasInvoice ? "This order already has its invoice" : undefined}>
          Issue invoice
        </Button>
        {issuing && (
          <span role="status" className="self-center text-sm text-slate-600">
            Generating PDF…
          </span>
        )}
      </form>
    </div>
  );
}
