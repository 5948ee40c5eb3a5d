"use client";

import { withFormOnly, type ActionReply, type FormAction } from "@/lib/action-result";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useReplyText } from "@/components/ui/reply-text";

export type DocumentRow = { id: number; kind: "proforma" | "invoice"; number: string; createdAt: Date; gross: number; currency: string; createdBy: string };

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
  const [issueState, issueFormAction, issuing] = useActionState(withFormOnly(issueAction), null);
  const [emailState, emailFormAction, emailing] = useActionState(withFormOnly(emailAction), null);
  const hasInvoice = documents.some((d) => d.kind === "invoice");
  const t = useTranslations("order.documents");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const replyText = useReplyText();
  // A refused email for want of an address says so; any other refusal is worded from its code.
  const said = (reply: ActionReply) =>
    reply && !reply.ok && reply.error.fieldErrors?.customerEmail ? t("noCustomerEmail") : replyText(reply, { orderNumber });

  const sendEmail = (documentId: number) => {
    const data = new FormData();
    data.set("orderId", String(orderId));
    data.set("documentId", String(documentId));
    startTransition(() => emailFormAction(data));
  };

  return (
    <div className="space-y-3" aria-busy={issuing || emailing}>
      {issueState && <Alert tone={issueState.ok ? "success" : "error"}>{said(issueState)}</Alert>}
      {emailState && <Alert tone={emailState.ok ? "success" : "error"}>{said(emailState)}</Alert>}

      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("list")}>
          {documents.map((doc) => (
            <li key={doc.id} className="space-y-2 py-2 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <a
                  href={`/orders/${encodeURIComponent(orderNumber)}/documents/${doc.id}`}
                  download
                  className="font-medium text-blue-700 hover:underline"
                  aria-label={t("download", { kind: t(`kinds.${doc.kind}`), number: doc.number })}
                >
                  {doc.number}
                </a>
                <span className="tabular-nums">{formatMoney(doc.gross, doc.currency, locale)}</span>
              </div>
              <div className="text-xs text-slate-600">
                {t(`kinds.${doc.kind}`)} · {formatDateTime(doc.createdAt, locale, timeZone)} · {doc.createdBy}
              </div>
              {customerEmail && (
                <ConfirmButton
                  label={t("emailToCustomer")}
                  confirmLabel={t("send")}
                  question={t("emailQuestion", { number: doc.number, email: customerEmail })}
                  variant="primary"
                  disabled={emailing}
                  onConfirm={() => sendEmail(doc.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {!customerEmail && documents.length > 0 && <p className="text-xs text-slate-600">{t("noEmail")}</p>}

      <form action={issueFormAction} className="flex flex-wrap gap-2">
        <input type="hidden" name="orderId" value={orderId} />
        <Button type="submit" name="kind" value="proforma" variant="secondary" disabled={issuing}>
          {t("issueProforma")}
        </Button>
        <Button type="submit" name="kind" value="invoice" variant="secondary" disabled={issuing || hasInvoice} title={hasInvoice ? t("hasInvoice") : undefined}>
          {t("issueInvoice")}
        </Button>
        {issuing && (
          <span role="status" className="self-center text-sm text-slate-600">
            {t("generating")}
          </span>
        )}
      </form>
    </div>
  );
}
