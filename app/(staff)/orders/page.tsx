import Link from "next/link";
import { z } from "zod";
import { OrderTable } from "@/components/orders/order-table";
import { Pagination } from "@/components/orders/pagination";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { listOrders, listStatusesForFilter } from "@/db/queries/orders";
import { requirePageUser } from "@/lib/auth";

export const metadata = { title: "Orders" };

const searchSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  status: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("staff");
  const params = searchSchema.parse(await searchParams);
  const db = await getDb();
  const [{ rows, totalCount, pageCount }, statuses] = await Promise.all([
    listOrders({ db, page: params.page, statusId: params.status, search: params.q || undefined }),
    listStatusesForFilter({ db }),
  ]);
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (params.status) query.set("status", String(params.status));
    if (params.q) query.set("q", params.q);
    if (page > 1) query.set("page", String(page));
    const qs = query.toString();
    return qs ? `/orders?${qs}` : "/orders";
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Orders</h1>
          <p className="text-sm text-slate-600">{totalCount.toLocaleString("en")} orders</p>
        </div>
        {/* Keyed by the filters: client navigation (e.g. "Clear") keeps the same elements, and an
            uncontrolled field would otherwise go on showing the previous filter. */}
        <form key={`${params.q ?? ""}|${params.status ?? ""}`} className="flex flex-wrap items-end gap-2" role="search">
          <label className="text-sm">
            <span className="block text-slate-600">Search</span>
            <input
              name="q"
              defaultValue={params.q}
              placeholder="Number, customer or email"
              className="w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">Status</span>
            <select name="status" defaultValue={params.status ?? ""} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              <option value="">All statuses</option>
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClasses("secondary")}>
            Filter
          </button>
          {(params.q || params.status) && (
            <Link href="/orders" className={buttonClasses("ghost")}>
              Clear
            </Link>
          )}
        </form>
      </div>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          {params.q || params.status ? "No orders match these filters." : "No orders yet. Orders created by your shop or the API will appear here."}
        </div>
      ) : (
        <>
          <OrderTable rows={rows} now={new Date()} />
          <Pagination page={Math.min(params.page, pageCount)} pageCount={pageCount} hrefFor={hrefFor} />
        </>
      )}
    </div>
  );
}
