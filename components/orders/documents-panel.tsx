"use client";

import { withFormOnly, type ActionReply, type FormAction } from "@/lib/action-result";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useReplyText } from "@/components/ui/reply-text";
import type { DocumentKind } from "@/lib/documents/kinds";
import type { CorrectionBlock } from "@/lib/documents/correction-basis";

export type DocumentRow = { id: number; kind: DocumentKind; number: string; createdAt: Date; gross: number; currency: string; createdBy: string };

const REFUSAL_REASONS = ["not_a_sale", "not_a_return", "rejected", "no_invoice"] as const;

/**
 * The order's documents: issue, download, email to the customer. A sale takes pro-formas and
 * its invoice; a return or complaint takes the correction invoice of its sale's invoice. Issuing
 * an invoice or correction the order already has answers with the existing one.
 */
export function DocumentsPanel({
  orderId,
  orderNumber,
  customerEmail,
  documents,
  afterSales,
  correctionBlocked,
  issueAction,
  emailAction,
}: {
  orderId: number;
  orderNumber: string;
  customerEmail: string | null;
  documents: DocumentRow[];
  /** A return or complaint: offers the correction invoice instead of a pro-forma and an invoice. */
  afterSales: boolean;
  correctionBlocked?: CorrectionBlock;
  issueAction: FormAction;
  emailAction: FormAction;
}) {
  const [issueState, issueFormAction, issuing] = useActionState(withFormOnly(issueAction), null);
  const [emailState, emailFormAction, emailing] = useActionState(withFormOnly(emailAction), null);
  const hasInvoice = documents.some((d) => d.kind === "invoice");
  const hasCorrection = documents.some((d) => d.kind === "correction");
  const t = useTranslations("order.documents");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const replyText = useReplyText();
  // A refused email for want of an address says so; any other refusal is worded from its code.
  // A document the order does not take says why.
  const said = (reply: ActionReply) => {
    if (reply && !reply.ok && reply.error.fieldErrors?.customerEmail) return t("noCustomerEmail");
    const reason = reply && !reply.ok ? (reply.error.details as { reason?: string } | undefined)?.reason : undefined;
    const known = REFUSAL_REASONS.find((r) => r === reason);
    return known ? t(`refused.${known}`) : replyText(reply, { orderNumber });
  };

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
        <p className="text-sm text-slate-600">{t(afterSales ? "noneAfterSales" : "none")}</p>
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
        {afterSales ? (
          <Button
            type="submit"
            name="kind"
            value="correction"
            variant="secondary"
            disabled={issuing || hasCorrection || correctionBlocked !== undefined}
            title={hasCorrection ? t("hasCorrection") : undefined}
            aria-describedby={correctionBlocked && !hasCorrection ? "correction-blocked" : undefined}
          >
            {t("issueCorrection")}
          </Button>
        ) : (
          <>
            <Button type="submit" name="kind" value="proforma" variant="secondary" disabled={issuing}>
              {t("issueProforma")}
            </Button>
            <Button type="submit" name="kind" value="invoice" variant="secondary" disabled={issuing || hasInvoice} title={hasInvoice ? t("hasInvoice") : undefined}>
              {t("issueInvoice")}
            </Button>
          </>
        )}
        {issuing && (
          <span role="status" className="self-center text-sm text-slate-600">
            {t("generating")}
          </span>
        )}
      </form>
      {afterSales && correctionBlocked && !hasCorrection && (
        <p id="correction-blocked" className="text-xs text-slate-600">
          {t(`refused.${correctionBlocked}`)}
        </p>
      )}
    </div>
  );
}
