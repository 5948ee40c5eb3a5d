import { asFormAction } from "@/lib/action-result";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MessageState } from "@/components/mailbox/message-state";
import { Pagination } from "@/components/orders/pagination";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { getOutboxBacklog, listMessages } from "@/db/queries/outbox";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { longTextSearchParam, pageSearchParam } from "@/lib/url-params";
import { retryMessageAction } from "./actions";
import { describeLastError } from "@/lib/notifications/outbox-reasons";

export async function generateMetadata() {
  const t = await getTranslations("mailbox");
  return { title: t("metaTitle") };
}

const searchSchema = z.object({
  state: z.enum(["pending", "sending", "sent", "dead", "cancelled", "skipped"]).optional().catch(undefined),
  kind: z.enum(["email", "sms"]).optional().catch(undefined),
  q: longTextSearchParam.transform((q) => q || undefined),
  page: pageSearchParam,
});

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  const filters = searchSchema.parse(await searchParams);
  const db = await getDb();
  const [{ rows, totalCount, pageCount }, backlog, t, locale, timeZone] = await Promise.all([
    listMessages({ db, ...filters }),
    getOutboxBacklog({ db, kinds: ["email", "sms"] }),
    getTranslations("mailbox"),
    getLocale(),
    getTimeZone(),
  ]);
  const reasonOf = (lastError: string) => describeLastError(lastError, (r) => (r.key === "undone" ? t("reasons.undone") : t("reasons.duplicate", { id: r.id })));
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
          <h1 className="text-2xl font-semibold">{t("heading")}</h1>
          <p className="text-sm text-slate-600">{t("intro", { pending: String(backlog.pending), dead: String(backlog.dead) })}</p>
        </div>
        <form key={`${filters.state}|${filters.kind}|${filters.q}`} className="flex flex-wrap items-end gap-2 text-sm">
          <label>
            <span className="block text-slate-600">{t("search")}</span>
            <input
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              placeholder={t("searchPlaceholder")}
              className="rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
          <label>
            <span className="block text-slate-600">{t("state")}</span>
            <select name="state" defaultValue={filters.state ?? ""} className="rounded-md border border-slate-300 px-3 py-2">
              <option value="">{t("all")}</option>
              <option value="pending">{t("states.pending")}</option>
              <option value="sent">{t("states.sent")}</option>
              <option value="dead">{t("states.dead")}</option>
              <option value="cancelled">{t("states.cancelled")}</option>
              <option value="skipped">{t("states.skipped")}</option>
            </select>
          </label>
          <label>
            <span className="block text-slate-600">{t("channel")}</span>
            <select name="kind" defaultValue={filters.kind ?? ""} className="rounded-md border border-slate-300 px-3 py-2">
              <option value="">{t("bothChannels")}</option>
              <option value="email">{t("kinds.email")}</option>
              <option value="sms">{t("kinds.sms")}</option>
            </select>
          </label>
          <button type="submit" className={buttonClasses("secondary")}>
            {t("filter")}
          </button>
        </form>
      </div>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          {filters.state || filters.kind || filters.q ? t("emptyFiltered") : t("empty")}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th className="px-4 py-3">{t("columns.message")}</th>
                <th className="px-4 py-3">{t("columns.to")}</th>
                <th className="px-4 py-3">{t("columns.order")}</th>
                <th className="px-4 py-3">{t("columns.state")}</th>
                <th className="px-4 py-3">{t("columns.attempts")}</th>
                <th className="px-4 py-3">{t("columns.queued")}</th>
                <th className="px-4 py-3">
                  <span className="sr-only">{t("columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-2.5">
                    <Link href={`/admin/mailbox/${row.id}`} className="text-blue-700 hover:underline">
                      {row.subject ? t("numbered", { subject: row.subject, id: String(row.id) }) : t("numberedKind", { kind: row.kind, id: String(row.id) })}
                    </Link>
                    <div className="text-xs text-slate-600 uppercase">{row.kind === "sms" ? t("kinds.sms") : t("kinds.email")}</div>
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
                    {row.lastError && (
                      <div className="mt-1 max-w-xs truncate text-xs text-red-700" title={reasonOf(row.lastError) ?? undefined}>
                        {reasonOf(row.lastError)}
                      </div>
                    )}
                  </td>
                  <td className="px-4 py-2.5 tabular-nums">{row.attempts}</td>
                  <td className="px-4 py-2.5 text-slate-600">{formatDateTime(row.createdAt, locale, timeZone)}</td>
                  <td className="px-4 py-2.5">
                    {row.state === "dead" && (
                      <form action={asFormAction(retryMessageAction)}>
                        <input type="hidden" name="id" value={row.id} />
                        <button type="submit" className={buttonClasses("secondary", "py-1")}>
                          {t("retry")}
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
