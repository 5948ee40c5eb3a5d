import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageState } from "@/components/mailbox/message-state";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listAttachedDocuments } from "@/db/queries/documents";
import { getMessage } from "@/db/queries/outbox";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const found = await getMessage({ db, id });
  if (!found) notFound();
  const { message, orderNumber } = found;
  const attachments = await listAttachedDocuments({ db, payload: message.payload });

  return (
    <div className="space-y-4">
      <Link href="/admin/mailbox" className="text-sm text-blue-700 hover:underline">
        ← Mailbox
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{message.renderedSubject ?? `${message.kind.toUpperCase()} #${message.id}`}</h1>
        <MessageState state={message.state} />
      </header>
      <dl className="grid max-w-2xl grid-cols-[8rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-600">To</dt>
        <dd>{message.recipient}</dd>
        {orderNumber && (
          <>
            <dt className="text-slate-600">Order</dt>
            <dd>
              <Link href={`/orders/${orderNumber}`} className="text-blue-700 hover:underline">
                {orderNumber}
              </Link>
            </dd>
          </>
        )}
        <dt className="text-slate-600">Queued</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt className="text-slate-600">Sent</dt>
        <dd>{message.sentAt ? formatDateTime(message.sentAt) : "—"}</dd>
        <dt className="text-slate-600">Attempts</dt>
        <dd>{message.attempts}</dd>
        <dt className="text-slate-600">Provider id</dt>
        <dd className="font-mono text-xs">{message.providerMessageId ?? "—"}</dd>
        {attachments.length > 0 && (
          <>
            <dt className="text-slate-600">Attachments</dt>
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
            <dt className="text-slate-600">Last error</dt>
            <dd className="text-red-700">{message.lastError}</dd>
          </>
        )}
      </dl>
      <Card title={message.kind === "sms" ? "Text" : "As the customer sees it"}>
        {!message.renderedBody ? (
          <p className="text-sm text-slate-600">Not sent yet: the message is rendered when it is delivered.</p>
        ) : message.kind === "sms" ? (
          <p className="max-w-sm rounded-2xl bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap">{message.renderedBody}</p>
        ) : (
          // The rendered email in a sandbox: no scripts, no access to this page.
          <iframe title="Email preview" sandbox="" srcDoc={message.renderedBody} className="h-[640px] w-full rounded border border-slate-200 bg-white" />
        )}
      </Card>
    </div>
  );
}
