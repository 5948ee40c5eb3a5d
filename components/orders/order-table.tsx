"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { durationMessage, formatDateTime, formatMoney } from "@/lib/format";
import { BulkChangeDialog, type BulkChange, type UndoAll } from "./bulk-change";
import type { CommentTemplateChoice } from "./change-details-fields";
import type { PreviewBulkChange, PreviewChange } from "./change-effects";
import { InlineStatusMenu, type InlineChange } from "./inline-status-menu";
import type { ListWorkflow, OrderListRow } from "./types";
import { useChannelName } from "./code-names";

export type SortHeader = { key: string; label: string; href?: string; direction?: "ascending" | "descending"; className?: string };

export function OrderTable({
  rows,
  now,
  headers,
  workflow,
  templates,
  actions,
}: {
  rows: OrderListRow[];
  now: number;
  headers: SortHeader[];
  workflow: ListWorkflow;
  templates: CommentTemplateChoice[];
  actions: {
    inline: InlineChange;
    bulk: BulkChange;
    finishBulk: (input: unknown) => Promise<unknown>;
    undoAll: UndoAll;
    preview: PreviewChange;
    previewBulk: PreviewBulkChange;
  };
}) {
  const t = useTranslations("orders");
  const common = useTranslations("common");
  const channelName = useChannelName();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const [selectedIds, setSelectedIds] = useState<Set<number>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  // Only rows still on screen count: after a refresh or a new page, stale ids drop out.
  const selected = rows.filter((r) => selectedIds.has(r.id));
  const allSelected = rows.length > 0 && selected.length === rows.length;
  const toggle = (id: number) =>
    setSelectedIds((ids) => {
      const next = new Set(ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="space-y-2">
      <div className="flex min-h-10 items-center gap-3 text-sm" aria-live="polite">
        {selected.length > 0 && (
          <>
            <span className="font-medium">{t("table.selected", { count: selected.length })}</span>
            <Button onClick={() => setBulkOpen(true)}>{t("table.changeSelected")}</Button>
            <Button variant="ghost" onClick={() => setSelectedIds(new Set())}>
              {t("table.clearSelection")}
            </Button>
          </>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="w-10 px-3 py-3">
                <input
                  type="checkbox"
                  aria-label={t("table.selectAll")}
                  checked={allSelected}
                  onChange={() => setSelectedIds(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
              {headers.map((h) => (
                <th key={h.key} scope="col" className={`px-4 py-3 whitespace-nowrap ${h.className ?? ""}`} aria-sort={h.direction}>
                  {h.href ? (
                    <Link href={h.href} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                      {h.label}
                      <span aria-hidden="true">{h.direction === "ascending" ? "▲" : h.direction === "descending" ? "▼" : "↕"}</span>
                    </Link>
                  ) : (
                    h.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const waited = now - new Date(row.statusChangedAt).getTime();
              const overdue = row.status.slaHours !== null && waited > row.status.slaHours * 3_600_000;
              const wait = durationMessage(waited);
              return (
                <tr key={row.id} className={selectedIds.has(row.id) ? "bg-blue-50" : "hover:bg-slate-50"}>
                  <td className="px-3 py-2.5">
                    <input type="checkbox" aria-label={t("table.select", { number: row.number })} checked={selectedIds.has(row.id)} onChange={() => toggle(row.id)} />
                  </td>
                  <td className="px-4 py-2.5 font-medium">
                    <Link href={`/orders/${row.number}`} className="text-blue-700 hover:underline">
                      {row.number}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {row.orderType}
                      {row.parentNumber && (
                        <>
                          {" "}
                          <Link href={`/orders/${row.parentNumber}`} className="hover:underline">
                            {t("table.of", { number: row.parentNumber })}
                          </Link>
                        </>
                      )}
                    </div>
                  </td>
                  <td className="px-4 py-2.5">{row.customerName}</td>
                  <td className="px-4 py-2.5">
                    <InlineStatusMenu key={`${row.id}-${row.version}`} row={row} workflow={workflow} change={actions.inline} preview={actions.preview} />
                  </td>
                  <td className={overdue ? "px-4 py-2.5 font-medium text-red-700" : "px-4 py-2.5 text-slate-600"}>
                    {overdue && <span title={t("table.overSla", { hours: row.status.slaHours ?? 0 })}>{"⚠ "}</span>}
                    {common(`duration.${wait.key}`, wait.values as never)}
                  </td>
                  <td className="px-4 py-2.5 text-slate-600">{channelName(row.channel)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(row.total, row.currency, locale)}</td>
                  <td className="px-4 py-2.5">
                    {row.paidAt ? (
                      <span className="text-green-700">{t("payment.paid")}</span>
                    ) : (
                      <span className="text-amber-700">{row.paymentMethod === "cod" ? t("paymentMethods.cod") : t("payment.unpaid")}</span>
                    )}
                  </td>
                  <td className="px-4 py-2.5 text-slate-600">{formatDateTime(new Date(row.createdAt), locale, timeZone)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <BulkChangeDialog
        selected={selected}
        workflow={workflow}
        templates={templates}
        open={bulkOpen}
        change={actions.bulk}
        finish={actions.finishBulk}
        undoAll={actions.undoAll}
        preview={actions.previewBulk}
        onClose={(ran) => {
          setBulkOpen(false);
          if (ran) setSelectedIds(new Set());
        }}
      />
    </div>
  );
}
