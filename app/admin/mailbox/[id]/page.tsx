import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { MessageState } from "@/components/mailbox/message-state";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listAttachedDocuments } from "@/db/queries/documents";
import { getMessage } from "@/db/queries/outbox";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { idFromSegment } from "@/lib/url-params";
import { describeLastError } from "@/lib/notifications/outbox-reasons";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("mailbox");
  const id = idFromSegment((await params).id);
  return { title: id === undefined ? t("metaTitle") : t("messageMetaTitle", { id: String(id) }) };
}

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const id = idFromSegment((await params).id);
  if (id === undefined) notFound();
  const db = await getDb();
  const found = await getMessage({ db, id });
  if (!found) notFound();
  const { message, orderNumber } = found;
  const [attachments, t, locale, timeZone] = await Promise.all([
    listAttachedDocuments({ db, payload: message.payload }),
    getTranslations("mailbox"),
    getLocale(),
    getTimeZone(),
  ]);

  return (
    <div className="space-y-4">
      <Link href="/admin/mailbox" className="text-sm text-blue-700 hover:underline">
        {t("back")}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{message.renderedSubject ?? t("numberedKind", { kind: message.kind, id: String(message.id) })}</h1>
        <MessageState state={message.state} />
      </header>
      <dl className="grid max-w-2xl grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("to")}</dt>
        <dd>{message.recipient}</dd>
        {orderNumber && (
          <>
            <dt className="text-slate-600">{t("order")}</dt>
            <dd>
              <Link href={`/orders/${orderNumber}`} className="text-blue-700 hover:underline">
                {orderNumber}
              </Link>
            </dd>
          </>
        )}
        <dt className="text-slate-600">{t("queued")}</dt>
        <dd>{formatDateTime(message.createdAt, locale, timeZone)}</dd>
        <dt className="text-slate-600">{t("sent")}</dt>
        <dd>{message.sentAt ? formatDateTime(message.sentAt, locale, timeZone) : "—"}</dd>
        <dt className="text-slate-600">{t("attempts")}</dt>
        <dd>{message.attempts}</dd>
        <dt className="text-slate-600">{t("providerId")}</dt>
        <dd className="font-mono text-xs">{message.providerMessageId ?? "—"}</dd>
        {attachments.length > 0 && (
          <>
            <dt className="text-slate-600">{t("attachments")}</dt>
            <dd>
              <ul>
                {attachments.map((a) => (
                  <li key={a.id}>
                    {orderNumber ? (
                      <a href={`/orders/${encodeURIComponent(orderNumber)}/documents/${a.id}`} download className="text-blue-700 hover:underline">
                        {a.fileName}
                      </a>
                    ) : (
                      a.fileName
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {message.lastError && (
          <>
            <dt className="text-slate-600">{t("lastError")}</dt>
            <dd className="text-red-700">{describeLastError(message.lastError, (r) => (r.key === "undone" ? t("reasons.undone") : t("reasons.duplicate", { id: r.id })))}</dd>
          </>
        )}
      </dl>
      <Card title={message.kind === "sms" ? t("smsText") : t("asCustomerSees")}>
        {!message.renderedBody ? (
          <p className="text-sm text-slate-600">{t("notRendered")}</p>
        ) : message.kind === "sms" ? (
          <p className="max-w-sm rounded-2xl bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap">{message.renderedBody}</p>
        ) : (
          // The rendered email in a sandbox: no scripts, no access to this page.
          <iframe title={t("emailPreview")} sandbox="" srcDoc={message.renderedBody} className="h-[640px] w-full rounded border border-slate-200 bg-white" />
        )}
      </Card>
    </div>
  );
}
