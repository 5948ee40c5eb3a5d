import Link from "next/link";
import { z } from "zod";
import { MessageState } from "@/components/mailbox/message-state";
import { Pagination } from "@/components/orders/pagination";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { getOutboxBacklog, listMessages } from "@/db/queries/outbox";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { retryMessageAction } from "./actions";

export const metadata = { title: "Mailbox" };

const searchSchema = z.object({
  state: z.enum(["pending", "sending", "sent", "dead"]).optional().catch(undefined),
  kind: z.enum(["email", "sms"]).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((q) => q || undefined)
    .catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  const filters = searchSchema.parse(await searchParams);
  const db = await getDb();
  const [{ rows, totalCount, pageCount }, backlog] = await Promise.all([listMessages({ db, ...filters }), getOutboxBacklog({ db, kinds: ["email", "sms"] })]);
  const hrefFor = (page: number) => {
    const q = new URLSearchParams();
    if (filters.state) q.set("state", filters.state);
    if (filters.kind) q.set("kind", filters.kind);
    if (filters.q) q.set("q", filters.q);
    if (page > 1) q.set("page", String(page));
    return `/admin/mailbox${q.size ? `?${q}` : ""}`;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Mailbox</h1>
          <p className="text-sm text-slate-600">
            Every email and SMS Orderly sends, as the customer gets it. {backlog.pending} queued · {backlog.dead} failed.
          </p>
        </div>
        <form key={`${filters.state}|${filters.kind}|${filters.q}`} className="flex flex-wrap items-end gap-2 text-sm">
          <label>
            <span className="block text-slate-600">Order or recipient</span>
            <input
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              placeholder="ORD-10001 or ewa@"
              className="rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
          <label>
            <span className="block text-slate-600">State</span>
            <select name="state" defaultValue={filters.state ?? ""} className="rounded-md border border-slate-300 px-3 py-2">
              <option value="">All</option>
              <option value="pending">Queued</option>
              <option value="sent">Sent</option>
              <option value="dead">Failed</option>
            </select>
          </label>
          <label>
            <span className="block text-slate-600">Channel</span>
            <select name="kind" defaultValue={filters.kind ?? ""} className="rounded-md border border-slate-300 px-3 py-2">
              <option value="">Email and SMS</option>
              <option value="email">Email</option>
              <option value="sms">SMS</option>
            </select>
          </label>
          <button type="submit" className={buttonClasses("secondary")}>
            Filter
          </button>
        </form>
      </div>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          No messages {filters.state || filters.kind || filters.q ? "match these filters" : "yet: they appear here when an order changes status"}.
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th className="px-4 py-3">Message</th>
                <th className="px-4 py-3">To</th>
                <th className="px-4 py-3">Order</th>
                <th className="px-4 py-3">State</th>
                <th className="px-4 py-3">Attempts</th>
                <th className="px-4 py-3">Queued</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-2.5">
                    <Link href={`/admin/mailbox/${row.id}`} className="text-blue-700 hover:underline">
                      {row.subject ?? (row.kind === "sms" ? "SMS" : "Email")} #{row.id}
                    </Link>
                    <div className="text-xs text-slate-500 uppercase">{row.kind}</div>
                  </td>
                  <td className="px-4 py-2.5">{row.recipient}</td>
                  <td className="px-4 py-2.5">
                    {row.orderNumber && (
                      <Link href={`/orders/${row.orderNumber}`} className="text-blue-700 hover:underline">
                        {row.orderNumber}
                      </Link>
                    )}
                  </td>
                  <td className="px-4 py-2.5">
                    <MessageState state={row.state} />
                    {row.lastError && <div className="mt-1 max-w-xs truncate text-xs text-red-700" title={row.lastError}>{row.lastError}</div>}
                  </td>
                  <td className="px-4 py-2.5 tabular-nums">{row.attempts}</td>
                  <td className="px-4 py-2.5 text-slate-600">{formatDateTime(row.createdAt)}</td>
                  <td className="px-4 py-2.5">
                    {row.state === "dead" && (
                      <form action={retryMessageAction}>
                        <input type="hidden" name="id" value={row.id} />
                        <button type="submit" className={buttonClasses("secondary", "py-1")}>
                          Retry
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {totalCount > 0 && <Pagination page={Math.min(filters.page, pageCount)} pageCount={pageCount} hrefFor={hrefFor} />}
    </div>
  );
}
